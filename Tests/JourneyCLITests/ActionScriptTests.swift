// The GitHub Action's logic, ci/journeyc_pr.py, tested by its own Python tests
// (ci/tests/test_journeyc_pr.py: a recorded pull_request event, a git repository with the pull
// request's commits, and a fake GitHub API on 127.0.0.1), run here with the journeyc just built,
// so `swift test` and `make test` run them. Python's standard library only: nothing to install.

import Foundation
import Testing

@Suite struct ActionScriptTests {
    @Test func pullRequestCommentsAgainstAFakeGitHub() throws {
        let binary = try #require(journeycBinary())
        let result = try spawn(["python3", "ci/tests/test_journeyc_pr.py"], in: packageRoot, environment: ["JOURNEYC": binary])
        #expect(result.status == 0, "\(result.output)")
        // Not an empty run: every test of the file ran, and none was skipped.
        let ran = result.output.split(separator: "\n").first { $0.hasPrefix("Ran ") }
        #expect(ran?.hasPrefix("Ran 10 tests") == true, "\(result.output)")
        #expect(!result.output.contains("skipped"), "\(result.output)")
        for name in ["test_one_comment_created_then_updated_in_place", "test_nothing_posted_when_no_map_changed",
                     "test_a_map_with_errors_still_gets_its_comment", "test_pictures_before_after_and_diff"] {
            #expect(result.output.contains("\(name) (") && result.output.contains("ok"), "\(name) did not run")
        }
    }
}

extension ActionScriptTests {
    /// action.yml is a composite action whose steps call the tested script, check with annotations
    /// and fmt --check; read with PyYAML (from pre-commit's environment), so a YAML slip fails here.
    @Test(.enabled(if: PythonVenv.pypiReachable, "skipped: PyPI is unreachable, so PyYAML cannot be installed"))
    func actionIsACompositeActionCallingTheScript() throws {
        let python = try PythonVenv.python()
        let reader = """
            import sys, yaml
            action = yaml.safe_load(open("action.yml"))
            assert action["runs"]["using"] == "composite", action["runs"]
            runs = "\\n".join(step.get("run", "") for step in action["runs"]["steps"])
            for needed in ["check --format github", "fmt --check", "journeyc_pr.py\\" --journeyc \\"$JOURNEYC\\" pictures",
                           "journeyc_pr.py\\" --journeyc \\"$JOURNEYC\\" comment", "make -C"]:
                assert needed in runs, needed
            assert any(step.get("uses", "").startswith("actions/upload-artifact@") for step in action["runs"]["steps"])
            # GitHub runs a bash step as `bash --noprofile --norc -eo pipefail`: a map with errors
            # (journeyc exits 1) must not end the check or fmt step, or the comment steps are skipped.
            import os, subprocess, tempfile
            with tempfile.TemporaryDirectory() as tmp:
                failing = os.path.join(tmp, "journeyc")
                with open(failing, "w") as f:
                    f.write("#!/bin/sh\\necho maps/a.journey\\nexit 1\\n")
                os.chmod(failing, 0o755)
                for step in action["runs"]["steps"]:
                    if step.get("id") not in ("check", "fmt"):
                        continue
                    output = os.path.join(tmp, step["id"] + ".out")
                    env = dict(os.environ, JOURNEYC=failing, MAPS="maps/a.journey", STRICT="false", GITHUB_OUTPUT=output,
                               RUNNER_TEMP=tmp, ACTION_PATH=os.getcwd())
                    p = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]], env=env,
                                       capture_output=True, text=True)
                    assert p.returncode == 0, (step["id"], p.returncode, p.stdout, p.stderr)
                    assert open(output).read() == "status=1\\n", (step["id"], open(output).read())
            print("steps", len(action["runs"]["steps"]))
            """
        let result = try spawn([python, "-c", reader], in: packageRoot)
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.hasPrefix("steps "), "\(result.output)")
    }
}
