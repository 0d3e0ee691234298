"""Plans: the dated steps towards one career, and the progress recorded on them."""
