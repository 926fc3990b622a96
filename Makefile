# The two commands: `make run` and `make test`. Everything else is a step they share.
SHELL := /bin/bash
HUMAS := .build/debug/humas
RELEASE_DIR := .build-release

.PHONY: run test deps build database bench clean-db

## Set everything up and run Humas on the embedded local database.
run: database
	$(HUMAS) seed
	@echo
	$(HUMAS) db status

## Set everything up and run every test against a real PostgreSQL.
test: database
	$(HUMAS) seed
	@# Warnings are errors: a fresh build prints every warning of our own code.
	swift build --build-tests 2>&1 | tee .build/build-tests.log
	@! grep -E '^$(CURDIR)/(Sources|Tests)/.*: warning:' .build/build-tests.log
	swift test --skip-build

deps:
	@scripts/install-deps.sh

build: deps
	swift build 2>&1 | tee .build-log.txt | grep -vE '^\[[0-9]+/[0-9]+\]' ; test $${PIPESTATUS[0]} -eq 0
	@! grep -E '^$(CURDIR)/(Sources|Tests)/.*: warning:' .build-log.txt; status=$$?; rm -f .build-log.txt; exit $$status

## Create (first time) and start the local database under .humas/, then migrate.
database: build
	$(HUMAS) db up

BENCH_HUMAS := $(RELEASE_DIR)/release/humas
BENCH_CONTACTS := 1000000
BENCH_SEED := 2024

## Release build, 1,000,000 generated contacts (once: the seed is idempotent), then the search and
## COPY benchmarks against their baselines; writes BENCHMARKS.md.
bench:
	swift build -c release --scratch-path $(RELEASE_DIR) 2>&1 | grep -vE '^\[[0-9]+/[0-9]+\]' ; test $${PIPESTATUS[0]} -eq 0
	$(BENCH_HUMAS) db up
	$(BENCH_HUMAS) seed
	$(BENCH_HUMAS) dev generate --contacts $(BENCH_CONTACTS) --seed $(BENCH_SEED) --json > $(RELEASE_DIR)/bench-generate.json
	$(RELEASE_DIR)/release/HumasBench --output BENCHMARKS.md --generation-json $(RELEASE_DIR)/bench-generate.json

## Stop the local database and delete it.
clean-db:
	-$(HUMAS) db down
	rm -rf .humas
