// RepositoryBoundary: the help of every "leaves the repository" diagnostic (`use`, data files,
// pictures, baselines, detail links), written once. The rule stays: a map reads files inside its
// repository, the nearest folder above it with .git, else its own folder, so `..` never reaches
// files nobody meant to share. The help says how to fix the usual case, a workspace copied out of
// git (a zip, a download): its maps' `../personas` are outside their own folders until the copy
// is a repository again.

public enum RepositoryBoundary {
    /// "`what` inside its repository (…); `copy`, or …git init…".
    public static func help(_ what: String, copy: String) -> String {
        what + " inside its repository (the nearest folder above it with .git, else its own folder); " + copy
            + ", or, for a workspace copied out of git, run `git init` in its top folder"
    }
}
