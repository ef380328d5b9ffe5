"""Household cases: each child's walk and decision at a child protection conference (pure)."""
