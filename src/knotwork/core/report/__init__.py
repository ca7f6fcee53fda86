"""The one-page report a clinician reads in a minute: who and which period, the pain trend and
whether the change matters, where it hurts now against the start, the muscles found and those
the press test confirmed, the treatments and how they went, the safety answers and when they
were given. ``build`` gathers it from the diary; ``present`` makes the JSON twin the page and
the PDF are drawn from."""
