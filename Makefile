# The two commands: `make run` and `make test`. Everything else is a step they share.
SHELL := /bin/bash
HUMAS := .build/debug/humas
RELEASE_DIR := .build-release

.PHONY: run test deps build build-tests database bench clean-db

## Set everything up, then serve the API on 127.0.0.1:8080 in the foreground (Ctrl-C stops it).
run: build
	$(HUMAS) db up
	$(HUMAS) seed
	@echo
	$(HUMAS) db status
	@# A fresh demo token for the national admin; its secret is shown once, in the curl line.
	@token=$$($(HUMAS) token issue --as admin@kpu.go.id --label make-run | grep -o 'humas_[0-9a-f]\{64\}'); \
	  echo; echo "The API is starting on http://127.0.0.1:8080 (documented at /openapi.yaml). Try:"; echo; \
	  echo "  curl -H 'Authorization: Bearer $$token' 'http://127.0.0.1:8080/v1/contacts?q=budi'"; echo; \
	  exec $(HUMAS) serve --host 127.0.0.1 --port 8080

## Set everything up and run every test against a real PostgreSQL.
## The test build also makes the `humas` binary, so nothing is compiled twice.
test: build-tests
	$(HUMAS) db up
	$(HUMAS) seed
	scripts/peer-venv.sh
	swift test --skip-build
	@# The API against its OpenAPI document (schemathesis): no 5xx, no answer outside the document.
	scripts/conformance.sh

deps:
	@scripts/install-deps.sh

# Warnings are errors: a fresh build prints every warning of our own code, and a warning in
# Sources/ or Tests/ fails the target. Dependencies' warnings are theirs.
SWIFT_BUILD = set -o pipefail; swift build $(1) 2>&1 | tee .build-log.txt | { grep -vE '^\[[0-9]+/[0-9]+\]' || true; }; \
	status=$$?; ! grep -E '^$(CURDIR)/(Sources|Tests)/.*: warning:' .build-log.txt; warned=$$?; rm -f .build-log.txt; \
	test $$status -eq 0 -a $$warned -eq 0

build: deps
	@$(call SWIFT_BUILD,)

build-tests: deps
	@$(call SWIFT_BUILD,--build-tests)

BENCH_HUMAS := $(RELEASE_DIR)/release/humas
BENCH_CONTACTS := 1000000
BENCH_INTERACTIONS := 1000000
BENCH_SEED := 2024

## Release build, 1,000,000 generated contacts and as many activities (once: the seed is
## idempotent), then the search and COPY benchmarks against their baselines; writes BENCHMARKS.md.
bench:
	swift build -c release --scratch-path $(RELEASE_DIR) 2>&1 | grep -vE '^\[[0-9]+/[0-9]+\]' ; test $${PIPESTATUS[0]} -eq 0
	$(BENCH_HUMAS) db up
	$(BENCH_HUMAS) seed
	$(BENCH_HUMAS) dev generate --contacts $(BENCH_CONTACTS) --interactions $(BENCH_INTERACTIONS) --seed $(BENCH_SEED) --json > $(RELEASE_DIR)/bench-generate.json
	$(RELEASE_DIR)/release/HumasBench --output BENCHMARKS.md --generation-json $(RELEASE_DIR)/bench-generate.json
	HUMAS=$(BENCH_HUMAS) scripts/bench-http.sh BENCHMARKS.md
	HUMAS=$(BENCH_HUMAS) scripts/bench-mail.sh BENCHMARKS.md

## Stop the local database and delete it.
clean-db:
	-$(HUMAS) db down
	rm -rf .humas
