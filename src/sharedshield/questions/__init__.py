"""Self-check questions, one module per notebook (nNN_name.py, each with QUESTIONS and QUIZ)."""
