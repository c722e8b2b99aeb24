"""Pure models and clinical rules: no I/O, no Qt, so every rule can be tested on its own."""
