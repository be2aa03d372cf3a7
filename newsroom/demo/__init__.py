"""Demo content for "The Update Desk": text in people.py and articles_*.py."""
