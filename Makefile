# Two entry points do all set-up on a fresh machine with Python >= 3.11 and make:
#   make run    the Discord bot when DISCORD_TOKEN is set (environment or .env), else the console
#   make test   every test and check; leaves the environment at .venv/
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# The folder beside the project holding the episode library and the public question set; a worktree
# elsewhere can point at it: make test SHARED=/path.
SHARED ?= ../shared
SHARED_EVAL := $(SHARED)/eval/score.py
LIBRARY := $(SHARED)/library

.PHONY: run test lint typecheck unit eval bench knowledge crisis-model crisis-eval emergency-eval clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit("Python >= 3.11 is needed, found " + sys.version.split()[0]) if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# A stamp per dependency set, so a changed lock file reinstalls and an unchanged one costs nothing.
$(VENV)/.runtime: $(BIN)/python requirements/runtime.lock pyproject.toml
	$(BIN)/pip install --quiet -r requirements/runtime.lock
	$(BIN)/pip install --quiet --no-deps -e .
	@touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements/dev.lock
	$(BIN)/pip install --quiet -r requirements/dev.lock
	@touch $@

run: $(VENV)/.runtime
	$(BIN)/episode-bot

lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(VENV)/.dev
	$(BIN)/mypy

unit: $(VENV)/.dev
	$(BIN)/episode-bot check knowledge
	SHARED_DIR=$(abspath $(SHARED)) $(BIN)/pytest -q

# The public question set lives beside the project ($(SHARED)); it must stay at 100%.
eval: $(VENV)/.runtime
	@if [ -f $(SHARED_EVAL) ]; then $(BIN)/python benchmarks/require_full_score.py $(SHARED_EVAL); \
	else echo "eval: $(SHARED_EVAL) not found, public question set not scored"; fi

test: lint typecheck unit eval

bench: $(VENV)/.dev
	$(BIN)/python benchmarks/answer_latency.py
	$(BIN)/python benchmarks/discord_bench.py
	$(BIN)/python benchmarks/reload_stall.py
	$(BIN)/python benchmarks/library_scale.py

# The second readers' counts (bot/core/safety/crisis_counts.tsv and emergency_counts.tsv) from the labelled
# sets in tests/data; a test fails when a committed file is not what this writes. crisis-eval and
# emergency-eval print the leave-one-set-out table and the replay of each blind set against the rules of
# its day (docs/quality.md).
crisis-model: $(VENV)/.runtime
	$(BIN)/python -m tools.train_crisis

crisis-eval: $(VENV)/.runtime
	$(BIN)/python -m tools.crisis_eval --replay

emergency-eval: $(VENV)/.runtime
	$(BIN)/python -m tools.crisis_eval --label emergency --replay

# Regenerates $(IMPORTED)/<video id>.yaml for every library episode that has a transcript (the files are
# committed; facts and term statistics only), and the curated ketamine episode's transcript windows (the
# rest of that file is written by hand and kept as it is). Same library, same files.
IMPORTED ?= knowledge
EPISODE := $(SHARED)/episode
knowledge: $(VENV)/.runtime
	@test -d $(LIBRARY) || { echo "knowledge: $(LIBRARY) not found; set SHARED=<folder holding library/>"; exit 1; }
	$(BIN)/episode-bot import $(EPISODE)/description.txt --transcript $(EPISODE)/transcript.txt \
		--video-id Rxmv7rT9leo --id ketamine --released 2023-08-07 --windows-into $(IMPORTED)/ketamine.yaml
	@for dir in $(LIBRARY)/*/; do \
		if [ -f "$$dir/transcript.vtt" ]; then \
			$(BIN)/episode-bot --knowledge $(IMPORTED) import "$${dir}description.txt" \
				--transcript "$${dir}transcript.vtt" --force || exit 1; \
		fi; \
	done
	$(BIN)/episode-bot check $(IMPORTED)

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache .hypothesis
