# The two commands: `make run` and `make test`. Everything else is a step they share.
SHELL := /bin/bash
HUMAS := .build/debug/humas
RELEASE_DIR := .build-release

.PHONY: run test deps build database bench clean-db

## Set everything up, then serve the API on 127.0.0.1:8080 in the foreground (Ctrl-C stops it).
run: database
	$(HUMAS) seed
	@echo
	$(HUMAS) db status
	@# A fresh demo token for the national admin; its secret is shown once, in the curl line.
	@token=$$($(HUMAS) token issue --as admin@kpu.go.id --label make-run | grep -o 'humas_[0-9a-f]\{64\}'); \
	  echo; echo "The API is starting on http://127.0.0.1:8080 (documented at /openapi.yaml). Try:"; echo; \
	  echo "  curl -H 'Authorization: Bearer $$token' 'http://127.0.0.1:8080/v1/contacts?q=budi'"; echo; \
	  exec $(HUMAS) serve --host 127.0.0.1 --port 8080

## Set everything up and run every test against a real PostgreSQL.
test: database
	$(HUMAS) seed
	@# Warnings are errors: a fresh build prints every warning of our own code.
	swift build --build-tests 2>&1 | tee .build/build-tests.log
	@! grep -E '^$(CURDIR)/(Sources|Tests)/.*: warning:' .build/build-tests.log
	swift test --skip-build
	@# The API against its OpenAPI document (schemathesis): no 5xx, no answer outside the document.
	scripts/conformance.sh

deps:
	@scripts/install-deps.sh

build: deps
	swift build 2>&1 | tee .build-log.txt | grep -vE '^\[[0-9]+/[0-9]+\]' ; test $${PIPESTATUS[0]} -eq 0
	@! grep -E '^$(CURDIR)/(Sources|Tests)/.*: warning:' .build-log.txt; status=$$?; rm -f .build-log.txt; exit $$status

## Create (first time) and start the local database under .humas/, then migrate.
database: build
	$(HUMAS) db up

## Stop the local database and delete it.
clean-db:
	-$(HUMAS) db down
	rm -rf .humas
