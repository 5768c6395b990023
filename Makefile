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
# Pictures on maps (issue 19): JPEG and WebP decoded by libjpeg-turbo and libwebp (PNG by libpng,
# above); only a map with a picture reads one.
APT_PACKAGES += libjpeg-dev libwebp-dev
# Python with venv for the editor tests' virtual environment (make pydeps).
APT_PACKAGES += python3 python3-venv

# `journeyc preview`: its server is a program of its own (journeyc-preview: FlyingFox and Foundation,
# kept out of journeyc), built, installed and packaged with journeyc. Its browser test (and the
# save-to-picture figure of `make bench`) drives Debian's headless Chromium. FlyingFox imports
# FoundationNetworking, which the static Swift runtime links against libcurl.
PREVIEW_BIN := .build/release/journeyc-preview
APT_PACKAGES += chromium libcurl4-openssl-dev

SAMPLES := $(wildcard samples/*.journey)
# samples/workspace: eight maps of one shop sharing a persona library (personas/), a folder of
# CSV exports their metrics read (data/) and a portfolio file (portfolio.journey); `make run`
# checks it, draws every map, reports each and writes the portfolio report (out/portfolio.html).
WORKSPACE_MAPS := $(wildcard samples/workspace/maps/*.journey)
MERMAID_SAMPLES := $(wildcard samples/*.mmd)

.PHONY: all deps pydeps build run run-site test bench bench-preview fuzz fuzz-build install install-files uninstall deb man version-header clean golden readme-image

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

build: deps version-header
	$(SWIFT) build $(RELEASE) --product journeyc
	$(SWIFT) build $(RELEASE) --product journeyc-preview

# The commit journeyc is built from, for `journeyc --version` (and so for the build manifest's
# key): written into Sources/CExecutable/build_commit.h (not in git) only when it changes, so an
# unchanged tree rebuilds nothing and the same commit builds the same bytes. Taken from git only
# when this folder is the top of a git work tree (a tarball unpacked inside another repository
# must not claim that one's commit); `-modified` follows it when tracked files differ from it.
# Without git the header says nothing and journeyc calls its commit unknown.
# JOURNEYC_COMMIT=... sets it (a packager building from a tarball of a known commit).
COMMIT_HEADER := Sources/CExecutable/build_commit.h
version-header:
	@commit="$(JOURNEYC_COMMIT)"; \
	if [ -z "$$commit" ] && [ "$$(git rev-parse --show-toplevel 2>/dev/null)" = "$$(pwd -P)" ]; then \
	  commit=$$(git rev-parse --verify -q HEAD); \
	  if [ -n "$$commit" ] && ! git diff --quiet HEAD -- 2>/dev/null; then commit="$$commit-modified"; fi; \
	fi; \
	case "$$commit" in *[!0-9a-zA-Z.+-]*) echo "version-header: JOURNEYC_COMMIT '$$commit' is not a commit" >&2; exit 2;; esac; \
	if [ -n "$$commit" ]; then text="#define JOURNEYC_COMMIT \"$$commit\""; else text="/* built without git: the commit is unknown */"; fi; \
	if [ "$$(cat $(COMMIT_HEADER) 2>/dev/null)" != "$$text" ]; then \
	  printf '%s\n' "$$text" > $(COMMIT_HEADER); touch Sources/CExecutable/executable.c; \
	  echo "version-header: $${commit:-commit unknown (no git)}"; \
	fi

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
	@echo "== journeyc build samples/workspace (eight maps sharing a persona library, CSV exports and a portfolio)"
	@# The exports end in November 2026: today is fixed so the strict check stays fresh.
	JOURNEYC_TODAY=2026-12-04 $(BIN) check --strict samples/workspace
	$(BIN) build samples/workspace -o out/workspace --format svg,png
	@for f in $(WORKSPACE_MAPS); do \
	  b=$$(basename $$f .journey); \
	  $(BIN) report $$f -o out/workspace/maps/$$b-report.md || exit 1; \
	  echo "reported out/workspace/maps/$$b-report.md (with its trends from data)"; \
	done
	@# The workspace is a portfolio (portfolio.journey): its report ranks the journeys and makes
	@# one action list; the two charts go beside it.
	JOURNEYC_TODAY=2026-12-04 $(BIN) report samples/workspace -o out/portfolio.html
	JOURNEYC_TODAY=2026-12-04 $(BIN) report samples/workspace -o out/portfolio.md
	JOURNEYC_TODAY=2026-12-04 $(BIN) report samples/workspace --chart journeys -o out/portfolio-journeys.png
	JOURNEYC_TODAY=2026-12-04 $(BIN) report samples/workspace --chart matrix -o out/portfolio-actions.png

# The sample portfolio's site (journeyc build --site, issue 18): out/site/index.html, made by
# `make run` before its other outputs. Today is fixed, as for the portfolio's stale maps.
run: run-site
run-site: build
	@echo "== journeyc build samples/workspace -o out/site --site (the sample portfolio's site)"
	JOURNEYC_TODAY=2026-12-04 $(BIN) build samples/workspace -o out/site --site --no-progress

# The pictures in README.md, regenerated on purpose (they are committed); diff exits 1 when
# there are differences.
readme-image: build
	$(BIN) samples/ecommerce-running-shoes.journey -o docs/images/ecommerce-running-shoes.png
	$(BIN) samples/online-grocery.mmd -o docs/images/online-grocery.png
	$(BIN) diff samples/history/shoe-shop-v1.journey samples/history/shoe-shop-v3.journey \
	  -o docs/images/shoe-shop-diff-v1-v3.png > /dev/null || [ $$? = 1 ]
	$(BIN) report samples/ecommerce-running-shoes.journey --chart matrix -o docs/images/ecommerce-running-shoes-matrix.png
	$(BIN) report samples/ecommerce-running-shoes.journey --chart stages -o docs/images/ecommerce-running-shoes-stages.png
	JOURNEYC_TODAY=2026-12-04 $(BIN) report samples/workspace --chart journeys -o docs/images/portfolio-journeys.png
	JOURNEYC_TODAY=2026-12-04 $(BIN) report samples/workspace --chart matrix -o docs/images/portfolio-actions.png

# The editor tests' Python (EditorTests: the TextMate grammar and the Pygments lexer) in .build/venv:
# the pinned PyPI packages of Tests/Editors/requirements.txt and editors/pygments itself (installed
# as a user would, not editable: EditorTests fails when its lexer differs from the source). Made
# again only when the venv is missing or one of those files changed (the stamp is older).
VENV := .build/venv
PYDEPS_STAMP := $(VENV)/journeyc-pydeps.stamp
PYDEPS_INPUTS := Tests/Editors/requirements.txt editors/pygments/pyproject.toml $(wildcard editors/pygments/journey_pygments/*.py) \
                 Tests/Browser/requirements.txt
pydeps: $(PYDEPS_STAMP)
$(PYDEPS_STAMP): $(PYDEPS_INPUTS) | deps
	@[ -x $(VENV)/bin/python ] || python3 -m venv $(VENV)
	$(VENV)/bin/python -m pip install --disable-pip-version-check -q -r Tests/Editors/requirements.txt
	$(VENV)/bin/python -m pip install --disable-pip-version-check -q --no-build-isolation --no-deps --force-reinstall ./editors/pygments
	@# The site's browser test uses only axe-core's script from its package (no Playwright).
	$(VENV)/bin/python -m pip install --disable-pip-version-check -q --no-deps -r Tests/Browser/requirements.txt
	@touch $@

# The tests include ci/tests (the GitHub Action's script, run by ActionScriptTests) and the tests
# that need PyPI tools (pre-commit, jsonschema), which make their own venv in .build/test-venv.
test: deps version-header pydeps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# Rewrites golden files (samples/errors/*.expected, Tests/Cases/**/expected.*); review with git diff.
golden: deps
	JOURNEYC_UPDATE_GOLDEN=1 $(SWIFT) test

bench: deps
	$(SWIFT) build $(RELEASE) --product journeyc
	$(SWIFT) build $(RELEASE) --product journeyc-bench
	.build/release/journeyc-bench
	@$(MAKE) --no-print-directory bench-preview

# The preview's figure: from a map's save (a temporary file renamed over it) to its new picture
# swapped into the page, in headless Chromium, for each sample (copies: the script edits them).
PREVIEW_SAVES ?= 15
bench-preview: deps
	$(SWIFT) build $(RELEASE) --product journeyc-preview
	@tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; cp -r samples "$$tmp/"; \
	echo "== journeyc preview: save to new picture in Chromium ($(PREVIEW_SAVES) saves a sample; median, min–max)"; \
	slowest=0; \
	for f in $(SAMPLES); do \
	  line=$$(python3 Tests/Browser/preview_in_chromium.py --server $(PREVIEW_BIN) --map "$$tmp/$$f" --shots "$$tmp/shots" \
	    --measure $(PREVIEW_SAVES) --summary) || exit 1; \
	  echo "$$line"; \
	  painted=$$(echo "$$line" | sed -n 's/.*painted \([0-9.]*\) ms.*/\1/p'); \
	  slowest=$$(echo "$$painted $$slowest" | awk '{print ($$1 > $$2) ? $$1 : $$2}'); \
	done; \
	echo "target: file save to new picture in the browser within 100 ms for the samples: $$(echo $$slowest | awk '{print ($$1 <= 100) ? "met" : "NOT MET"}') ($$slowest ms painted, the slowest sample's median)"

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

# make install PREFIX=...: the binary, the man page (docs/man/journeyc.1, `make man`) and the
# shell completions for bash, zsh and fish, which swift-argument-parser generates from the
# binary itself. install-files installs INSTALL_BIN (default: the release build) without building.
INSTALL_BIN ?= $(BIN)
BASH_COMPLETION := share/bash-completion/completions/journeyc
ZSH_COMPLETION := share/zsh/site-functions/_journeyc
FISH_COMPLETION := share/fish/vendor_completions.d/journeyc.fish
MAN_PAGE := share/man/man1/journeyc.1

# The preview's server installs next to journeyc, where `journeyc preview` looks for it.
INSTALL_PREVIEW_BIN ?= $(dir $(INSTALL_BIN))journeyc-preview

# (install-files runs after build even under make -j)
install: build
	@$(MAKE) --no-print-directory install-files

install-files:
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
	  $(dir $(DESTDIR)$(PREFIX)/$(BASH_COMPLETION)) $(dir $(DESTDIR)$(PREFIX)/$(ZSH_COMPLETION)) \
	  $(dir $(DESTDIR)$(PREFIX)/$(FISH_COMPLETION))
	install -m 755 $(INSTALL_BIN) $(DESTDIR)$(PREFIX)/bin/journeyc
	install -m 755 $(INSTALL_PREVIEW_BIN) $(DESTDIR)$(PREFIX)/bin/journeyc-preview
	install -m 644 docs/man/journeyc.1 $(DESTDIR)$(PREFIX)/$(MAN_PAGE)
	$(INSTALL_BIN) --generate-completion-script bash > $(DESTDIR)$(PREFIX)/$(BASH_COMPLETION)
	$(INSTALL_BIN) --generate-completion-script zsh > $(DESTDIR)$(PREFIX)/$(ZSH_COMPLETION)
	$(INSTALL_BIN) --generate-completion-script fish > $(DESTDIR)$(PREFIX)/$(FISH_COMPLETION)
	chmod 644 $(DESTDIR)$(PREFIX)/$(BASH_COMPLETION) $(DESTDIR)$(PREFIX)/$(ZSH_COMPLETION) $(DESTDIR)$(PREFIX)/$(FISH_COMPLETION)

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/journeyc $(DESTDIR)$(PREFIX)/bin/journeyc-preview $(DESTDIR)$(PREFIX)/$(MAN_PAGE) $(DESTDIR)$(PREFIX)/$(BASH_COMPLETION) \
	  $(DESTDIR)$(PREFIX)/$(ZSH_COMPLETION) $(DESTDIR)$(PREFIX)/$(FISH_COMPLETION)

# The man page, generated by swift-argument-parser's generate-manual plugin (offline: the package
# is already checked out) and committed, dated by the last commit so it is the same on every machine.
man:
	$(SWIFT) package --disable-sandbox generate-manual --configuration debug
	.build/debug/generate-manual-tool .build/debug/journeyc --date $$(git log -1 --format=%cs) -o docs/man

# make deb: a Debian package of the release build (DEB_BIN=... packages another binary, as the
# tests do with the debug one), in DEB_DIR: /usr/bin/journeyc and the preview's server beside it
# (without their debug information, as Debian ships binaries; the build id note stays), the man
# page and completions.
# Depends: the packages of the shared libraries it loads (Cairo, Pango, libpng, GLib…, found
# with ldd and dpkg -S on this machine) and the Noto fonts it draws CJK, Arabic and emoji with.
# Timestamps come from SOURCE_DATE_EPOCH (the last commit), so the same tree packs the same bytes.
VERSION := $(shell sed -n 's/^    static let string = "\(.*\)"$$/\1/p' Sources/JourneyCLI/Driver.swift)
DEB_ARCH := $(shell dpkg --print-architecture 2>/dev/null)
DEB_DIR ?= .build/deb
DEB_BIN ?=
DEB_FONTS := fonts-noto-core, fonts-noto-cjk, fonts-noto-color-emoji
deb: $(if $(DEB_BIN),,build)
	@bin="$(or $(DEB_BIN),$(BIN))"; root="$(DEB_DIR)/journeyc_$(VERSION)_$(DEB_ARCH)"; \
	rm -rf "$$root" && mkdir -p "$$root/DEBIAN" && \
	$(MAKE) -s install-files INSTALL_BIN="$$bin" DESTDIR="$$(cd "$(DEB_DIR)" && pwd)/journeyc_$(VERSION)_$(DEB_ARCH)" PREFIX=/usr && \
	gzip -9n "$$root/usr/$(MAN_PAGE)" && \
	strip --strip-debug "$$root/usr/bin/journeyc" "$$root/usr/bin/journeyc-preview" && \
	depends=$$(for lib in $$(ldd "$$bin" "$$(dirname "$$bin")/journeyc-preview" | awk '$$3 ~ /^\// {print $$3}' | sort -u); do \
	    real=$$(readlink -f "$$lib"); \
	    { dpkg -S "$$lib" || dpkg -S "$$real" || dpkg -S "/usr$$lib" || dpkg -S "$${lib#/usr}" || dpkg -S "$${real#/usr}"; } 2>/dev/null | head -1 | cut -d: -f1; \
	  done | sort -u | paste -sd, - | sed 's/,/, /g'); \
	[ -n "$$depends" ] || { echo "deb: found no packages for the libraries of $$bin" >&2; exit 1; }; \
	size=$$(du -sk --apparent-size --exclude=DEBIAN "$$root" | cut -f1); \
	printf '%s\n' "Package: journeyc" "Version: $(VERSION)" "Architecture: $(DEB_ARCH)" \
	  "Maintainer: journeyc maintainers <journeyc@localhost>" "Installed-Size: $$size" \
	  "Depends: $$depends, $(DEB_FONTS)" "Section: graphics" "Priority: optional" \
	  "Description: compiler for customer journey maps written as code" \
	  " journeyc checks, formats, diffs and draws journey maps (.journey files and Mermaid" \
	  " journeys) to SVG, PNG and PDF, and previews them live in the browser." > "$$root/DEBIAN/control" && \
	epoch=$${SOURCE_DATE_EPOCH:-$$(git log -1 --format=%ct 2>/dev/null || echo 0)}; \
	find "$$root" -exec touch -h -d "@$$epoch" {} + && \
	SOURCE_DATE_EPOCH=$$epoch dpkg-deb --root-owner-group -Zxz --build "$$root" "$(DEB_DIR)/journeyc_$(VERSION)_$(DEB_ARCH).deb" && \
	echo "deb: $(DEB_DIR)/journeyc_$(VERSION)_$(DEB_ARCH).deb (Depends: $$depends, $(DEB_FONTS))"

clean:
	rm -rf .build out Fuzz/.build $(FUZZ_WORK)
