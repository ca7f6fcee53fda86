"""Fair tests between two treatments for one person (n-of-1 trials), and "what seemed to help".

- ``plan``: a test (two options, a seeded schedule of randomised paired blocks) and its checks;
- ``repository``: what a store must offer to keep tests (a protocol; the store implements it);
- ``today``: the option planned for a day and the daily PEG-3 prompt;
- ``analysis``: from diary entries to period means, block differences, the posterior and a
  verdict (``core/stats`` does the statistics);
- ``service``: the use cases (plan, today, log, extend, stop, results), and
  ``results_for(tests, diary, today)``, which other parts (the clinician report, exports)
  call to read every test's result;
- ``present``: results as plain dicts (the JSON twin, the API) and a small SVG chart;
- ``helped``: relief and next-day soreness per treatment, as associations, not effects;
- ``method``: the "How we compare" page's content.
"""
