"""Statistics for one person's fair test between two treatments (an n-of-1 trial).

The design is randomised paired blocks of equal periods; the analysis takes the mean of each
period (leaving out the first days, for carry-over), the difference within each block, and a
conjugate normal model on those differences whose posterior is a Student-t in closed form.
Pure standard library: no numpy or scipy at run time (scipy only checks the t CDF in the tests).
"""
