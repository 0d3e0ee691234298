"""Occupations: title coding and content similarity over the O*NET-SOC taxonomy."""
