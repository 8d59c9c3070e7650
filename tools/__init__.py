"""Maintainers' scripts that are not part of the bot: training and measuring the crisis classifier."""
