"""`python -m bot` is `episode-bot`."""

import sys

from bot.cli import main

sys.exit(main())
