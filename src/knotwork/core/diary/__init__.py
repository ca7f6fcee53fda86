"""The pain and treatment diary: what a person records over weeks, and how it is read back.

Entries (pain overall and per body region, PEG-3, sleep, context, notes), treatments as their
own events, a weekly global impression of change (PGIC) and finder results saved for later.
The domain is frozen dataclasses with their invariants (``model``, ``treatment``,
``records``), checked against the atlas and the knowledge base (``checks``); storage is reached
only through the ``DiaryRepository`` protocol (``repository``); use cases take a repository and
a clock (``service``); ``progress`` turns records into the statistics a person sees.
"""
