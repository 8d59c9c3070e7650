"""The Discord adapter: slash commands, mentions, admin reload. It only renders what the core answers."""
