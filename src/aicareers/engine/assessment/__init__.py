"""The assessment: skills and backgrounds found, careers scored, explained and reported."""
