"""Tests of ci/journeyc_pr.py: a git repository with a pull request's base and head, the recorded
pull_request event (pull_request_event.json, its commits replaced by the repository's), and a fake
GitHub API on 127.0.0.1 that keeps comments and records every request. No network.

Run: JOURNEYC=/path/to/journeyc python3 ci/tests/test_journeyc_pr.py (the Swift test
ActionScriptTests runs it with the journeyc it built, from `make test`).
"""

import http.server
import json
import os
import subprocess
import sys
import tempfile
import threading
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
SCRIPT = os.path.join(HERE, "..", "journeyc_pr.py")
JOURNEYC = os.environ.get("JOURNEYC", "journeyc")

BASE_MAP = """journey "Checkout"

persona maya "Maya"

stage browse "Browse"

  touchpoint product "Product page" via web
    emotion maya -1 "lost in the size chart"

stage buy "Buy"

  touchpoint cart "Cart" via web
    emotion maya 0
"""
HEAD_MAP = BASE_MAP.replace('emotion maya -1 "lost in the size chart"', 'emotion maya +1 "the size hint helps"')
HEAD_MAP_2 = HEAD_MAP.replace("emotion maya 0", "emotion maya +1")
BROKEN_MAP = BASE_MAP.replace("emotion maya 0", "emotion mya 0")


class FakeGitHub(http.server.ThreadingHTTPServer):
    """The issue-comments API of one repository, in memory."""

    def __init__(self):
        super().__init__(("127.0.0.1", 0), Handler)
        self.requests = []
        self.comments = {}
        self.next_id = 1000
        self.lock = threading.Lock()


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def reply(self, status, value):
        data = json.dumps(value).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def handle_any(self, method):
        server = self.server
        length = int(self.headers.get("Content-Length") or 0)
        body = json.loads(self.rfile.read(length)) if length else None
        with server.lock:
            server.requests.append({"method": method, "path": self.path, "body": body,
                                    "authorization": self.headers.get("Authorization")})
            parts = self.path.split("?")[0].strip("/").split("/")
            # repos/OWNER/NAME/issues/N/comments, repos/OWNER/NAME/issues/comments/ID
            if parts[:3] != ["repos", "stride", "journeys"] or parts[3] != "issues":
                return self.reply(404, {"message": "Not Found"})
            if method == "GET" and parts[5:] == ["comments"] or method == "GET" and len(parts) == 6 and parts[5] == "comments":
                number = int(parts[4])
                page = int(dict(p.split("=") for p in self.path.split("?")[1].split("&")).get("page", "1"))
                items = [c for c in server.comments.values() if c["issue"] == number]
                return self.reply(200, items[(page - 1) * 100:page * 100])
            if method == "POST" and len(parts) == 6 and parts[5] == "comments":
                server.next_id += 1
                comment = {"id": server.next_id, "issue": int(parts[4]), "body": body["body"], "user": {"login": "github-actions[bot]"}}
                server.comments[server.next_id] = comment
                return self.reply(201, comment)
            if method == "PATCH" and parts[4] == "comments":
                comment = server.comments.get(int(parts[5]))
                if comment is None:
                    return self.reply(404, {"message": "Not Found"})
                comment["body"] = body["body"]
                return self.reply(200, comment)
            return self.reply(405, {"message": "unexpected request"})

    def do_GET(self):
        self.handle_any("GET")

    def do_POST(self):
        self.handle_any("POST")

    def do_PATCH(self):
        self.handle_any("PATCH")


class PullRequestCommentTests(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix="journeyc-pr-")
        self.repo = os.path.join(self.tmp.name, "repo")
        os.makedirs(os.path.join(self.repo, "maps"))
        self.git("init", "-q")
        self.write("maps/checkout.journey", BASE_MAP)
        self.write("README.md", "Our journeys\n")
        self.base = self.commit("base")
        self.git("checkout", "-q", "-b", "feature")
        self.server = FakeGitHub()
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def tearDown(self):
        self.server.shutdown()
        self.server.server_close()
        self.tmp.cleanup()

    def git(self, *args):
        env = dict(os.environ, GIT_AUTHOR_NAME="T", GIT_AUTHOR_EMAIL="t@example.com", GIT_COMMITTER_NAME="T",
                   GIT_COMMITTER_EMAIL="t@example.com", GIT_CONFIG_NOSYSTEM="1")
        return subprocess.run(["git", "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", *args],
                              cwd=self.repo, check=True, capture_output=True, text=True, env=env).stdout.strip()

    def write(self, path, text):
        with open(os.path.join(self.repo, path), "w", encoding="utf-8") as f:
            f.write(text)

    def commit(self, message):
        self.git("add", "-A")
        self.git("commit", "-qm", message)
        return self.git("rev-parse", "HEAD")

    def event(self, head):
        with open(os.path.join(HERE, "pull_request_event.json"), encoding="utf-8") as f:
            text = f.read().replace("BASE_SHA", self.base).replace("HEAD_SHA", head)
        path = os.path.join(self.tmp.name, "event.json")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return path

    def run_script(self, *args, head):
        env = dict(os.environ, GITHUB_API_URL=f"http://127.0.0.1:{self.server.server_address[1]}",
                   GITHUB_REPOSITORY="stride/journeys", GITHUB_TOKEN="test-token", GITHUB_EVENT_PATH=self.event(head))
        p = subprocess.run([sys.executable, SCRIPT, "--journeyc", JOURNEYC, "--repo", self.repo, *args],
                           capture_output=True, text=True, env=env)
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        return p.stdout

    def writes(self):
        return [r for r in self.server.requests if r["method"] != "GET"]

    def test_one_comment_created_then_updated_in_place(self):
        self.write("maps/checkout.journey", HEAD_MAP)
        head = self.commit("the size hint")
        out = self.run_script("comment", "--artifact-url", "https://example.invalid/artifacts/7", head=head)
        self.assertIn("maps/checkout.journey: comment created", out)
        writes = self.writes()
        self.assertEqual([(w["method"], w["path"]) for w in writes], [("POST", "/repos/stride/journeys/issues/42/comments")])
        self.assertTrue(all(r["authorization"] == "Bearer test-token" for r in self.server.requests))
        body = writes[0]["body"]["body"]
        if os.environ.get("SHOW_BODY"): print(body)
        self.assertTrue(body.startswith("<!-- journeyc-pr map=maps/checkout.journey -->\n"), body)
        self.assertIn("#### Experience score", body)          # the score changes
        self.assertIn("| Product page | Maya | -1 | +1 |", body)  # the Markdown diff
        self.assertIn("https://example.invalid/artifacts/7", body)
        self.assertIn("`maps/checkout.journey/diff.png`", body)

        # The next push: the same comment is edited, no second one is posted.
        self.write("maps/checkout.journey", HEAD_MAP_2)
        head2 = self.commit("the cart too")
        out = self.run_script("comment", "--artifact-url", "https://example.invalid/artifacts/8", head=head2)
        self.assertIn("maps/checkout.journey: comment updated", out)
        writes = self.writes()
        self.assertEqual([w["method"] for w in writes], ["POST", "PATCH"])
        self.assertEqual(writes[1]["path"], f"/repos/stride/journeys/issues/comments/{self.server.next_id}")
        self.assertEqual(len(self.server.comments), 1)
        self.assertIn("| Cart | Maya | 0 | +1 |", writes[1]["body"]["body"])

        # A push that undoes the change: the comment says so, still one comment.
        self.write("maps/checkout.journey", BASE_MAP)
        head3 = self.commit("undo")
        self.run_script("comment", head=head3)
        self.assertEqual([w["method"] for w in self.writes()], ["POST", "PATCH", "PATCH"])
        self.assertIn("no longer changed", list(self.server.comments.values())[0]["body"])

    def test_nothing_posted_when_no_map_changed(self):
        self.write("README.md", "Our journeys, and how we draw them\n")
        head = self.commit("docs only")
        out = self.run_script("comment", head=head)
        self.assertIn("no map changed; nothing posted", out)
        self.assertEqual(self.writes(), [])
        self.assertEqual(self.server.comments, {})

    def test_a_map_with_errors_still_gets_its_comment(self):
        self.write("maps/checkout.journey", BROKEN_MAP)
        self.write("maps/new.journey", BASE_MAP.replace('journey "Checkout"', 'journey "Returns"'))
        head = self.commit("a typo and a new map")
        self.run_script("comment", head=head)
        writes = self.writes()
        self.assertEqual([w["method"] for w in writes], ["POST", "POST"])
        broken = writes[0]["body"]["body"]
        self.assertTrue(broken.startswith("<!-- journeyc-pr map=maps/checkout.journey -->"), broken)
        self.assertIn("error[E0023]: unknown persona 'mya'", broken)
        self.assertIn("cannot be listed until the map's errors are fixed", broken)
        added = writes[1]["body"]["body"]
        self.assertTrue(added.startswith("<!-- journeyc-pr map=maps/new.journey -->"), added)
        self.assertIn("touchpoints added", added)

    def test_pictures_before_after_and_diff(self):
        self.write("maps/checkout.journey", HEAD_MAP)
        head = self.commit("the size hint")
        out_dir = os.path.join(self.tmp.name, "pictures")
        out = self.run_script("pictures", "--out", out_dir, head=head)
        self.assertIn("maps/checkout.journey: before, after, diff", out)
        for side in ("before", "after", "diff"):
            with open(os.path.join(out_dir, "maps/checkout.journey", side + ".png"), "rb") as f:
                self.assertEqual(f.read(8), b"\x89PNG\r\n\x1a\n")
        self.assertEqual(self.server.requests, [])
        # The base's worktree is gone again.
        self.assertNotIn("journeyc-base-", self.git("worktree", "list"))

    def test_code_quality_report_for_gitlab(self):
        lines = subprocess.run([JOURNEYC, "check", "--diagnostics-format", "json", "-"], input=BROKEN_MAP,
                               capture_output=True, text=True).stdout
        p = subprocess.run([sys.executable, SCRIPT, "code-quality"], input=lines, capture_output=True, text=True)
        self.assertEqual(p.returncode, 0, p.stderr)
        report = json.loads(p.stdout)
        self.assertEqual(len(report), 1)
        self.assertEqual(report[0]["check_name"], "E0023")
        self.assertEqual(report[0]["severity"], "major")
        self.assertEqual(report[0]["location"], {"path": "<stdin>", "lines": {"begin": 13}})
        self.assertEqual(len(report[0]["fingerprint"]), 64)

    def test_a_symbolic_link_named_like_a_map_is_not_read(self):
        # actions/checkout keeps the token in .git/config: a link to it must never be quoted.
        self.git("config", "http.https://github.com/.extraheader", "AUTHORIZATION: basic c2VjcmV0")
        os.symlink(".git/config", os.path.join(self.repo, "cfg.journey"))
        os.symlink("/etc/passwd", os.path.join(self.repo, "leak.journey"))
        head = self.commit("links")
        out = self.run_script("comment", head=head)
        self.assertIn("no map changed; nothing posted", out)
        self.assertEqual(self.writes(), [])

    def test_only_its_own_comments_are_edited(self):
        # Somebody else's comment that starts with the marker is left alone (editing it would be
        # refused, and fail the job); the script posts its own.
        self.server.next_id += 1
        self.server.comments[self.server.next_id] = {
            "id": self.server.next_id, "issue": 42, "user": {"login": "mallory"},
            "body": "<!-- journeyc-pr map=maps/checkout.journey -->\nnot the bot"}
        self.write("maps/checkout.journey", HEAD_MAP)
        head = self.commit("the size hint")
        out = self.run_script("comment", head=head)
        self.assertIn("maps/checkout.journey: comment created", out)
        self.assertEqual([w["method"] for w in self.writes()], ["POST"])
        self.assertEqual(self.server.comments[self.server.next_id - 1]["body"].split("\n")[1], "not the bot")

    def test_a_file_name_stays_inside_its_code_span(self):
        sys.path.insert(0, os.path.dirname(SCRIPT))
        import journeyc_pr
        name = "x` @octocat ![p](https://evil.example/t.png) `\n# Approved\ny.journey"
        span = journeyc_pr.code_span(name)
        self.assertNotIn("\n", span)
        self.assertTrue(span.startswith("``") and span.endswith("``") and "```" not in span, span)
        self.assertEqual(journeyc_pr.code_span("maps/a.journey"), "`maps/a.journey`")
        self.assertEqual(journeyc_pr.code_span("`a"), "`` `a ``")

    def test_fences_outlast_backticks_in_the_text(self):
        sys.path.insert(0, os.path.dirname(SCRIPT))
        import journeyc_pr
        self.assertEqual(journeyc_pr.fenced("a ``` b\n"), ["````", "a ``` b", "````", ""])
        self.assertEqual(journeyc_pr.fenced("plain"), ["```", "plain", "```", ""])

    def test_unformatted_files_as_annotations(self):
        p = subprocess.run([sys.executable, SCRIPT, "unformatted"], input="maps/a,b:c.journey\nmaps/ok.journey\n",
                           capture_output=True, text=True)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(p.stdout.splitlines(), [
            "::error file=maps/a%2Cb%3Ac.journey,title=journeyc fmt::maps/a,b:c.journey is not in journeyc's canonical layout: run `journeyc fmt -w maps/a,b:c.journey`",
            "::error file=maps/ok.journey,title=journeyc fmt::maps/ok.journey is not in journeyc's canonical layout: run `journeyc fmt -w maps/ok.journey`",
        ])


if __name__ == "__main__":
    unittest.main(verbosity=2)
