"""The person: the Profile model, the documents it is read from, and the builder that joins them."""
