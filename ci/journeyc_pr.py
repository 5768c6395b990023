#!/usr/bin/env python3
"""journeyc in a pull request: one comment per changed map, updated in place on every push.

Runs anywhere with Python 3 (standard library only) and git; the GitHub Action (action.yml) calls
it, and so can any other CI. Two steps, so that the pictures can be uploaded between them:

    journeyc_pr.py pictures --out DIR         # before/after/diff PNGs of each changed map
    journeyc_pr.py comment [--artifact-url U] # one comment per changed map, created or updated

Both read the pull request from the event file GitHub writes (GITHUB_EVENT_PATH: base and head
commits, the number) and find the changed maps (.journey, .mmd, .mermaid) with
`git diff --name-status BASE...HEAD` in the checked-out head. For each map the comment holds the
errors of `journeyc check` (a map with errors is still commented on), the Markdown report of
`journeyc diff --format markdown BASE:PATH PATH` (with its score changes) and links to the
pictures in the uploaded artifact. A hidden marker `<!-- journeyc-pr map=PATH -->` finds the
comment an earlier push wrote, which is then edited (PATCH) instead of a new one posted; a map
whose changes were undone has its comment edited to say so. When no map changed nothing is
posted. GitHub API: GITHUB_API_URL (https://api.github.com), GITHUB_REPOSITORY, GITHUB_TOKEN.
"""

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import urllib.error
import urllib.parse
import urllib.request

MAP_EXTENSIONS = (".journey", ".mmd", ".mermaid")
MARKER = "<!-- journeyc-pr map={} -->"
# GitHub refuses comments over 65,536 characters: the diff and the errors are cut well before.
MAX_DIFF_CHARS = 40_000
MAX_ERRORS_CHARS = 15_000
# Whose comments are this script's own (the login GITHUB_TOKEN posts as); only those are edited.
DEFAULT_AUTHOR = "github-actions[bot]"


def marker(path):
    # Quoted, so no path can end the HTML comment (`-->`) or break the line.
    return MARKER.format(urllib.parse.quote(path, safe="/._~"))


class PullRequest:
    def __init__(self, event_path, repo_dir):
        with open(event_path, encoding="utf-8") as f:
            event = json.load(f)
        pr = event.get("pull_request") or {}
        self.number = pr.get("number", event.get("number"))
        self.base = (pr.get("base") or {}).get("sha")
        self.head = (pr.get("head") or {}).get("sha")
        if not (self.number and self.base and self.head):
            raise SystemExit("journeyc_pr: the event is no pull request (no number, base or head sha): " + event_path)
        self.repo_dir = repo_dir

    def git(self, *args):
        return subprocess.run(["git", "-C", self.repo_dir, *args], check=True, capture_output=True).stdout

    def changed_maps(self):
        """(status, path) of each changed map, in path order: A added, M modified, D deleted.

        Only regular files: a symbolic link named like a map (`cfg.journey -> .git/config`) would
        have journeyc quote whatever it points at into a public comment, so it is left out, as
        is anything under a .git folder."""
        out = self.git("diff", "--name-status", "--no-renames", "-z", f"{self.base}...{self.head}")
        fields = out.decode("utf-8", "surrogateescape").split("\0")
        changes = []
        for status, path in zip(fields[0::2], fields[1::2]):
            if not path.lower().endswith(MAP_EXTENSIONS) or ".git" in path.split("/"):
                continue
            if any(self.mode(rev, path) not in (None, "100644", "100755") for rev in (self.base, self.head)):
                continue
            changes.append((status[0], path))
        return sorted(changes, key=lambda c: c[1])

    def mode(self, rev, path):
        """The git mode of `path` at `rev` (120000 a symbolic link), or None when it is not there."""
        out = self.git("ls-tree", "-z", rev, "--", path).decode("utf-8", "surrogateescape")
        return out.split(" ", 1)[0] if out else None


def run(journeyc, args, cwd):
    p = subprocess.run([journeyc, *args], cwd=cwd, capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def code_span(text):
    """`text` as inline code that nothing in it can end early or break onto a new line (a file
    name may hold backticks, a newline, `@someone` or Markdown)."""
    text = text.replace("\r", " ").replace("\n", " ")
    longest, run_length = 0, 0
    for ch in text:
        run_length = run_length + 1 if ch == "`" else 0
        longest = max(longest, run_length)
    ticks = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{ticks}{pad}{text}{pad}{ticks}"


def cut(text, limit, hint):
    return text if len(text) <= limit else text[:limit] + f"\n\n… (cut here: {hint})\n"


def fenced(text):
    """A code block that no run of backticks in `text` can end early."""
    longest, run_length = 0, 0
    for ch in text:
        run_length = run_length + 1 if ch == "`" else 0
        longest = max(longest, run_length)
    fence = "`" * max(3, longest + 1)
    return [fence, text.rstrip(), fence, ""]


def picture_names(path):
    return {side: f"{path}/{side}.png" for side in ("before", "after", "diff")}


def make_pictures(pr, journeyc, out):
    """Draws each changed map before and after, and the diff picture; returns what was drawn."""
    drawn = {}
    base_tree = tempfile.mkdtemp(prefix="journeyc-base-")
    try:
        pr.git("worktree", "add", "--detach", "--force", base_tree, pr.base)
        for status, path in pr.changed_maps():
            names = picture_names(path)
            for name in names.values():
                os.makedirs(os.path.join(out, os.path.dirname(name)), exist_ok=True)
            done = []
            if status != "A" and run(journeyc, ["-o", os.path.join(out, names["before"]), "--", os.path.join(base_tree, path)], pr.repo_dir)[0] == 0:
                done.append("before")
            if status != "D" and run(journeyc, ["-o", os.path.join(out, names["after"]), "--", path], pr.repo_dir)[0] == 0:
                done.append("after")
            old = "/dev/null" if status == "A" else f"{pr.base}:{path}"
            new = "/dev/null" if status == "D" else path
            if run(journeyc, ["diff", "-o", os.path.join(out, names["diff"]), "--", old, new], pr.repo_dir)[0] in (0, 1):
                done.append("diff")
            drawn[path] = done
    finally:
        subprocess.run(["git", "-C", pr.repo_dir, "worktree", "remove", "--force", base_tree], capture_output=True)
        shutil.rmtree(base_tree, ignore_errors=True)
    return drawn


def comment_body(pr, journeyc, status, path, artifact_url):
    lines = [marker(path), f"### journeyc: {code_span(path)}", ""]
    if status == "D":
        lines.append("This map is removed by the pull request.")
        lines.append("")
    else:
        code, _, err = run(journeyc, ["check", "--color", "never", "--", path], pr.repo_dir)
        if code != 0:
            lines += ["**`journeyc check` finds errors in this map:**", ""] + fenced(cut(err, MAX_ERRORS_CHARS, "run `journeyc check` for the rest"))
    old = "/dev/null" if status == "A" else f"{pr.base}:{path}"
    new = "/dev/null" if status == "D" else path
    code, out, err = run(journeyc, ["diff", "--format", "markdown", "--color", "never",
                                    "--label", f"base ({pr.base[:7]})", "--label", f"head ({pr.head[:7]})", "--", old, new], pr.repo_dir)
    if code in (0, 1):
        out = cut(out, MAX_DIFF_CHARS, "run `journeyc diff` for the rest")
        lines += [out.rstrip() if out.strip() else "No change to the journey (only its text layout).", ""]
    elif code != 0 and status != "D" and run(journeyc, ["check", "--", path], pr.repo_dir)[0] != 0:
        lines += ["The changes cannot be listed until the map's errors are fixed.", ""]
    else:
        lines += ["`journeyc diff` could not compare the two versions:", ""] + fenced(cut(err, MAX_ERRORS_CHARS, "run `journeyc diff`"))
    if artifact_url:
        names = ", ".join(code_span(n) for n in picture_names(path).values())
        lines.append(f"Pictures (before, after, changes marked): [download the artifact]({artifact_url}) ({names}).")
    return "\n".join(lines) + "\n"


class GitHub:
    def __init__(self, api, repository, token):
        self.api = api.rstrip("/")
        self.repository = repository
        self.token = token

    def request(self, method, path, body=None):
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.api + path, data=data, method=method)
        req.add_header("Accept", "application/vnd.github+json")
        req.add_header("X-GitHub-Api-Version", "2022-11-28")
        req.add_header("User-Agent", "journeyc-pr")
        if self.token:
            req.add_header("Authorization", "Bearer " + self.token)
        if data is not None:
            req.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(req, timeout=30) as response:
                text = response.read().decode()
        except urllib.error.HTTPError as e:
            raise SystemExit(f"journeyc_pr: {method} {path}: HTTP {e.code}: {e.read().decode(errors='replace')[:500]}")
        return json.loads(text) if text else None

    def comments(self, number):
        found, page = [], 1
        while True:
            batch = self.request("GET", f"/repos/{self.repository}/issues/{number}/comments?per_page=100&page={page}")
            found += batch
            if len(batch) < 100:
                return found
            page += 1


def post_comments(pr, journeyc, github, artifact_url, author=DEFAULT_AUTHOR):
    changes = pr.changed_maps()
    existing = {}
    for c in github.comments(pr.number):
        body = c.get("body") or ""
        # Only this script's own comments: anyone may post a comment that starts with the marker.
        if body.startswith("<!-- journeyc-pr map=") and (c.get("user") or {}).get("login") == author:
            existing.setdefault(body.split("\n", 1)[0], c)
    written = []
    for status, path in changes:
        body = comment_body(pr, journeyc, status, path, artifact_url)
        old = existing.pop(marker(path), None)
        if old is None:
            github.request("POST", f"/repos/{github.repository}/issues/{pr.number}/comments", {"body": body})
            written.append(("created", path))
        elif old.get("body") != body:
            github.request("PATCH", f"/repos/{github.repository}/issues/comments/{old['id']}", {"body": body})
            written.append(("updated", path))
        else:
            written.append(("unchanged", path))
    # A map commented on by an earlier push and no longer changed: say so, in its own comment.
    for line, old in existing.items():
        path = urllib.parse.unquote(line[len("<!-- journeyc-pr map="):-len(" -->")])
        body = f"{line}\n### journeyc: {code_span(path)}\n\nThis map is no longer changed by the pull request.\n"
        if old.get("body") != body:
            github.request("PATCH", f"/repos/{github.repository}/issues/comments/{old['id']}", {"body": body})
            written.append(("updated", path))
    return written


def code_quality(lines):
    """`journeyc check --diagnostics-format json` lines as a GitLab Code Quality report."""
    report = []
    for line in lines:
        if not line.strip():
            continue
        d = json.loads(line)
        severity = {"error": "major", "warning": "minor"}.get(d["severity"], "info")
        fingerprint = f"{d['file']}:{d['line']}:{d['column']}:{d['code']}:{d['message']}"
        report.append({
            "description": f"{d['code']} {d['name']}: {d['message']}",
            "check_name": d["code"],
            "fingerprint": hashlib.sha256(fingerprint.encode()).hexdigest(),
            "severity": severity,
            "location": {"path": d["file"], "lines": {"begin": d["line"] or 1}},
        })
    return report


def escape_data(text):
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text):
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def unformatted_annotation(path):
    """A file `journeyc fmt --check` lists, as a GitHub annotation (escaped as `check --format github` does)."""
    return (f"::error file={escape_property(path)},title={escape_property('journeyc fmt')}::"
            + escape_data(f"{path} is not in journeyc's canonical layout: run `journeyc fmt -w {path}`"))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--journeyc", default=os.environ.get("JOURNEYC", "journeyc"), help="the journeyc to run")
    parser.add_argument("--repo", default=".", help="the checked-out head of the pull request")
    parser.add_argument("--event", default=os.environ.get("GITHUB_EVENT_PATH"), help="the pull_request event JSON")
    sub = parser.add_subparsers(dest="command", required=True)
    pictures = sub.add_parser("pictures", help="draw before/after/diff PNGs of each changed map")
    pictures.add_argument("--out", required=True)
    comment = sub.add_parser("comment", help="write or update one comment per changed map")
    comment.add_argument("--artifact-url", default="")
    comment.add_argument("--author", default=os.environ.get("JOURNEYC_PR_AUTHOR", DEFAULT_AUTHOR),
                         help="the login the token posts as (its earlier comments are edited): "
                              "github-actions[bot] for GITHUB_TOKEN")
    sub.add_parser("code-quality", help="read check's JSON lines on stdin, write a GitLab Code Quality report")
    sub.add_parser("unformatted", help="read `journeyc fmt --check`'s file names on stdin, write GitHub annotations")
    args = parser.parse_args(argv)

    if args.command == "code-quality":
        json.dump(code_quality(sys.stdin), sys.stdout, indent=2)
        print()
        return 0
    if args.command == "unformatted":
        for line in sys.stdin:
            path = line.rstrip("\n")
            if path:
                print(unformatted_annotation(path))
        return 0
    if not args.event:
        parser.error("give --event or set GITHUB_EVENT_PATH")
    pr = PullRequest(args.event, os.path.abspath(args.repo))
    if args.command == "pictures":
        drawn = make_pictures(pr, args.journeyc, os.path.abspath(args.out))
        for path, sides in drawn.items():
            print(f"journeyc_pr: {path}: {', '.join(sides) or 'nothing drawn'}")
        if not drawn:
            print("journeyc_pr: no map changed")
        return 0
    github = GitHub(os.environ.get("GITHUB_API_URL", "https://api.github.com"),
                    os.environ.get("GITHUB_REPOSITORY", ""), os.environ.get("GITHUB_TOKEN", ""))
    if not github.repository:
        parser.error("set GITHUB_REPOSITORY (owner/name)")
    written = post_comments(pr, args.journeyc, github, args.artifact_url, args.author)
    for what, path in written:
        print(f"journeyc_pr: {path}: comment {what}")
    if not written:
        print("journeyc_pr: no map changed; nothing posted")
    return 0


if __name__ == "__main__":
    sys.exit(main())
