"""pacto: the facilitator's toolkit for a network's referral pathway for victims of human trafficking."""

__version__ = "0.1.0"
