"""Release sessions: a guided, dose-capped plan from the knowledge base, the guard that keeps
a person inside safe doses (read from their diary), and the session record that fills it."""
