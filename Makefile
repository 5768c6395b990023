# journeyc — build, test and run from a fresh Debian machine.
#   make run    installs missing system packages, builds, checks, renders and reports the samples to out/
#   make test   installs missing system packages, builds and runs every test
SHELL := /bin/bash
PREFIX ?= /usr/local
SWIFT ?= swift
BIN := .build/release/journeyc
# The Swift runtime linked into the binary: a process starts in about half the time.
# Generic types (a Dictionary's storage, ArgumentParser's Option<T>) are made by calling their
# metadata accessors, not by demangling their names at run time: each first use of a name made
# the runtime search the binary's ~3,900 protocol conformances (`make bench` sample to SVG:
# 10.5 M fewer instructions; `journeyc check`: 40.2 M -> 35.1 M; docs/performance.md).
RELEASE := -c release --static-swift-stdlib \
           -Xswiftc -Xfrontend -Xswiftc -disable-concrete-type-metadata-mangled-name-accessors

# System packages the toolchain needs: Cairo and Pango for drawing and text layout, libpng for
# PNG files (zlib for the tests' PNG decoder), Noto fonts so CJK, Arabic, Hebrew and emoji text
# render as glyphs.
APT_PACKAGES := pkg-config libcairo2-dev libpango1.0-dev libpng-dev zlib1g-dev \
                fonts-noto-core fonts-noto-cjk fonts-noto-color-emoji

SAMPLES := $(wildcard samples/*.journey)
# samples/workspace: three maps of one shop sharing a persona library (personas/) and a folder of
# CSV exports their metrics read (data/); `make run` checks it, draws all three and reports them.
WORKSPACE_MAPS := $(wildcard samples/workspace/maps/*.journey)
MERMAID_SAMPLES := $(wildcard samples/*.mmd)

.PHONY: all deps build run test bench fuzz fuzz-build install uninstall clean golden readme-image

all: build

# Installs only what is absent, so a machine that has everything never calls apt.
deps:
	@missing=""; \
	for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "deps: installing$$missing"; \
	  sudo=""; [ "$$(id -u)" = 0 ] || sudo="sudo"; \
	  export DEBIAN_FRONTEND=noninteractive; \
	  $$sudo apt-get update -q && $$sudo apt-get install -y -q --no-install-recommends $$missing; \
	fi

build: deps
	$(SWIFT) build $(RELEASE) --product journeyc

# samples/ecommerce-running-shoes-future.journey is the future state of the shoe-shop sample: its
# picture is the gap view (the current curve dashed behind, resolved pains struck through) and
# its report opens with the gap to the future state.
run: build
	@echo "== journeyc check samples/*.journey"
	$(BIN) check $(SAMPLES) $(MERMAID_SAMPLES)
	@mkdir -p out
	@for f in $(SAMPLES) $(MERMAID_SAMPLES); do \
	  b=$$(basename $$(basename $$f .journey) .mmd); \
	  $(BIN) $$f -o out/$$b.svg && $(BIN) $$f -o out/$$b.png || exit 1; \
	  echo "rendered out/$$b.svg out/$$b.png"; \
	done
	@for f in $(SAMPLES); do \
	  b=$$(basename $$f .journey); \
	  $(BIN) report $$f -o out/$$b-report.html && $(BIN) report $$f -o out/$$b-report.md || exit 1; \
	  $(BIN) report $$f --chart matrix -o out/$$b-matrix.png && $(BIN) report $$f --chart stages -o out/$$b-stages.png || exit 1; \
	  echo "reported out/$$b-report.html out/$$b-report.md out/$$b-matrix.png out/$$b-stages.png"; \
	done
	@echo "== journeyc build samples/workspace (three maps sharing a persona library and CSV exports)"
	@# The exports end in November 2026: today is fixed so the strict check stays fresh.
	JOURNEYC_TODAY=2026-12-04 $(BIN) check --strict samples/workspace
	$(BIN) build samples/workspace -o out/workspace --format svg,png
	@for f in $(WORKSPACE_MAPS); do \
	  b=$$(basename $$f .journey); \
	  $(BIN) report $$f -o out/workspace/maps/$$b-report.md || exit 1; \
	  echo "reported out/workspace/maps/$$b-report.md (with its trends from data)"; \
	done

# The pictures in README.md, regenerated on purpose (they are committed); diff exits 1 when
# there are differences.
readme-image: build
	$(BIN) samples/ecommerce-running-shoes.journey -o docs/images/ecommerce-running-shoes.png
	$(BIN) samples/online-grocery.mmd -o docs/images/online-grocery.png
	$(BIN) diff samples/history/shoe-shop-v1.journey samples/history/shoe-shop-v3.journey \
	  -o docs/images/shoe-shop-diff-v1-v3.png > /dev/null || [ $$? = 1 ]
	$(BIN) report samples/ecommerce-running-shoes.journey --chart matrix -o docs/images/ecommerce-running-shoes-matrix.png
	$(BIN) report samples/ecommerce-running-shoes.journey --chart stages -o docs/images/ecommerce-running-shoes-stages.png

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# Rewrites golden files (samples/errors/*.expected, Tests/Cases/**/expected.*); review with git diff.
golden: deps
	JOURNEYC_UPDATE_GOLDEN=1 $(SWIFT) test

bench: deps
	$(SWIFT) build $(RELEASE) --product journeyc
	$(SWIFT) build $(RELEASE) --product journeyc-bench
	.build/release/journeyc-bench

# libFuzzer targets (Fuzz/, a package of its own): each runs FUZZ_SECONDS from the committed seed
# corpus Fuzz/corpus/TARGET plus what earlier runs found (.build-fuzz/corpus/TARGET, outside git).
# A crash, a hang over 2 s or more than 2 GB is saved to .build-fuzz/findings/TARGET/ and fails the run.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= FuzzFrontEnd FuzzScene FuzzFormat FuzzMermaid
FUZZ_WORK := .build-fuzz
FUZZ_FLAGS := -timeout=2 -rss_limit_mb=2048 -max_len=16384 -print_final_stats=1

# The swift driver keeps only the last -sanitize= it is given, so SwiftPM's two flags would leave
# the code without AddressSanitizer; the combined flag instruments every module with both.
fuzz-build: deps
	cd Fuzz && $(SWIFT) build -c release --sanitize=fuzzer --sanitize=address -Xswiftc -sanitize=fuzzer,address

fuzz: fuzz-build
	@failed=""; \
	for t in $(FUZZ_TARGETS); do \
	  dict=Fuzz/journey.dict; [ $$t = FuzzMermaid ] && dict=Fuzz/mermaid.dict; \
	  mkdir -p $(FUZZ_WORK)/corpus/$$t $(FUZZ_WORK)/findings/$$t $(FUZZ_WORK)/logs; \
	  log=$(FUZZ_WORK)/logs/$$t.log; \
	  echo "== $$t for $(FUZZ_SECONDS) s (log: $$log)"; \
	  if SWIFT_BACKTRACE=enable=no Fuzz/.build/release/$$t $(FUZZ_FLAGS) -max_total_time=$(FUZZ_SECONDS) \
	       -dict=$$dict -artifact_prefix=$(FUZZ_WORK)/findings/$$t/ \
	       $(FUZZ_WORK)/corpus/$$t Fuzz/corpus/$$t > $$log 2>&1; then \
	    grep -E '^#[0-9]+[[:space:]]+DONE' $$log | tail -1; \
	    grep -E '^stat::number_of_executed_units|^stat::average_exec_per_sec' $$log; \
	  else \
	    tail -n 40 $$log; \
	    echo "** $$t found a problem; the input is saved as:"; \
	    grep -o "Test unit written to .*" $$log | sed 's/^Test unit written to /   /'; \
	    echo "   reproduce with: SWIFT_BACKTRACE=enable=no Fuzz/.build/release/$$t FILE"; \
	    failed="$$failed $$t"; \
	  fi; \
	done; \
	if [ -n "$$failed" ]; then echo "fuzz: findings in$$failed (see $(FUZZ_WORK)/findings/)"; exit 1; fi; \
	echo "fuzz: no findings"

install: build
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/journeyc

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/journeyc

clean:
	rm -rf .build out Fuzz/.build $(FUZZ_WORK)
