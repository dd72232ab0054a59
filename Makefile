# drpair: the commands a fresh machine needs. `make demo` and `make test` are the front door.
SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := build

# One shared target dir: the acceptance tests, gen-docs and the demo all find the debug build
# at $(CARGO_TARGET_DIR)/debug/terraform-provider-drpair without being told.
CARGO_TARGET_DIR ?= $(HOME)/.cache/drpair/target
export CARGO_TARGET_DIR

# The first `version = "..."` line is [package]'s (rust-version does not match ^version).
VERSION := $(shell sed -n 's/^version *= *"\(.*\)"/\1/p' Cargo.toml | head -n1)
PLATFORM := $(shell uname -s | tr A-Z a-z)_$(subst aarch64,arm64,$(subst x86_64,amd64,$(shell uname -m)))
# Terraform's implied local mirror: found with no CLI configuration at all.
PLUGIN_DIR := $(HOME)/.terraform.d/plugins/registry.terraform.io/drpair/drpair/$(VERSION)/$(PLATFORM)
PORT ?= 4566
PYTEST_WORKERS ?= 2

# `lambda` is also a directory: without .PHONY make would call it up to date and do nothing.
.PHONY: build install venv standin unit standin-test lambda lambda-test drill-test acceptance test docs bindings lint demo drill bench faults

build: ## debug build of the provider (what tests, docs and the demo use)
	cargo build

install: ## release build, installed where `terraform init` finds drpair/drpair offline
	cargo build --release
	mkdir -p "$(PLUGIN_DIR)"
	install -m 0755 "$(CARGO_TARGET_DIR)/release/terraform-provider-drpair" \
	  "$(PLUGIN_DIR)/terraform-provider-drpair_v$(VERSION)"
	@echo "installed $(PLUGIN_DIR)/terraform-provider-drpair_v$(VERSION)"
	@echo "note: a workspace that locked an older build of $(VERSION) needs its .terraform.lock.hcl removed"

venv: ## .venv with the pinned stand-in and test packages
	scripts/venv

standin: venv ## AWS stand-in in the foreground on 127.0.0.1:$(PORT)
	scripts/standin --port $(PORT)

unit: ## Rust unit tests
	if cargo nextest --version >/dev/null 2>&1; then cargo nextest run; else cargo test; fi

standin-test: venv ## tests of the stand-in's extensions
	scripts/test-standin

lambda: ## lambda/dist/order-processor.zip and readiness.zip, same bytes every build (stdlib only, no network)
	python3 lambda/build.py

lambda-test: venv ## the Lambda functions' tests, in-process against moto
	cd lambda && ../.venv/bin/python -m pytest -q

drill-test: venv ## the drill's own tests (timeline, SVG renderer, in-process runtime)
	.venv/bin/python -m pytest -q drill/tests

acceptance: build venv ## real terraform against the stand-in, 2 tests at a time
	.venv/bin/pytest -n $(PYTEST_WORKERS) acceptance-tests

test: lint unit standin-test lambda-test drill-test acceptance

docs: build ## regenerate docs/ from the provider schema
	scripts/gen-docs

bindings: build ## regenerate the CDKTF TypeScript bindings (examples/cdktf-trading-platform/.gen) offline
	scripts/gen-bindings

lint: ## formatting and clippy, warnings are errors
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings

demo: ## build, stand-in, apply examples/global-database, switchover, destroy; then the drill
	scripts/demo

drill: ## fail examples/trading-platform over and back on a private stand-in; timeline in drill/out/
	scripts/drill

bench: build venv ## provider overhead, refresh cost, apply efficiency, drill timeline: a table and bench/results.json (bench/README.md)
	.venv/bin/python bench/run.py

faults: build venv ## the whole fault matrix (all kill points, slow calls beyond the SDK timeout); table in bench/faults.json
	# The table is written whatever happened; then make fails if any row did.
	rc=0; DRPAIR_FAULTS_FULL=1 .venv/bin/pytest -n $(PYTEST_WORKERS) --junitxml=bench/faults-junit.xml \
	  acceptance-tests/test_faults_matrix.py acceptance-tests/test_faults_kill.py \
	  acceptance-tests/test_faults_bad_input.py acceptance-tests/test_faults_secrets_iam.py || rc=$$?; \
	.venv/bin/python bench/faults_table.py bench/faults-junit.xml bench/faults.json; exit $$rc
