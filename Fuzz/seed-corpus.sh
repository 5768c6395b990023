#!/bin/bash
# Copies the maps and diagrams of the tests into Fuzz/corpus/<target>/, the committed seed
# corpus of `make fuzz`. Run from the package root when the test cases change much; findings
# are added by hand as regression cases (see README.md, "Fuzzing"), not here.
set -euo pipefail
cd "$(dirname "$0")/.."
copy() {  # copy TARGET FILE...: each file named after its folder, so names stay unique
  local target=$1; shift
  mkdir -p "Fuzz/corpus/$target"
  for f in "$@"; do
    [ -f "$f" ] || continue
    local name=${f#Tests/Cases/}
    name=${name//\//-}
    cp "$f" "Fuzz/corpus/$target/$name"
  done
}
rm -rf Fuzz/corpus
maps=(samples/*.journey samples/errors/*.journey samples/warnings/*.journey Tests/Cases/*/*/input.journey)
clean=(samples/*.journey samples/warnings/*.journey Tests/Cases/scenes/*/input.journey Tests/Cases/stable/*/input.journey)
copy FuzzFrontEnd "${maps[@]}"
copy FuzzScene "${clean[@]}"
copy FuzzFormat "${maps[@]}"
copy FuzzMermaid samples/*.mmd Tests/Cases/mermaid/*/input.mmd Tests/Cases/mermaid/*/input.md
du -sh Fuzz/corpus/*
