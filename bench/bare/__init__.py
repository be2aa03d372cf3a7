"""A bare Django project, not ours: the benchmark's floor (see bench/README.md)."""
