// JourneyMermaid: Mermaid `journey` diagrams in and out.
//   Mermaid text (a .mmd file, or a fenced block of a Markdown file) ──MermaidParser──▶
//   MermaidJourney + diagnostics ──MermaidImport──▶ .journey text (canonical layout), with the
//   Mermaid position of every line it wrote, so the checker's diagnostics point at the Mermaid.
//   JourneyModel ──MermaidExport──▶ Mermaid text, for a preview GitHub shows inline.
//
// MermaidJourney is the diagram as written: title, accessibility title and description, the
// sections with their tasks, each task's score and actors, and where each was written.

import JourneySyntax

public struct MermaidJourney: Sendable {
    public struct Task: Sendable {
        public var name: String
        /// The score as written (`5`, `4.5`, `-1`) and its value.
        public var scoreText: String
        public var score: Double
        public var actors: [String]
        /// The whole task line (without indentation and comment), and its score.
        public var range: SourceRange
        public var scoreRange: SourceRange
        /// The `%% journeyc:` lines after the task: the touchpoint as the map wrote it.
        public var statements: [Statement] = []
    }

    /// A `%% journeyc: …` comment written by the export: one .journey line, and where it is.
    public struct Statement: Sendable {
        /// The .journey line, with its indentation.
        public var text: String
        public var range: SourceRange
    }

    public struct Section: Sendable {
        public var title: String
        public var range: SourceRange
        public var tasks: [Task] = []
        /// True for the stage made for tasks written before any `section`.
        public var implicit = false
        /// The `%% journeyc:` lines before the section's first task: the stage as the map wrote it.
        public var statements: [Statement] = []
    }

    public var title: String?
    public var titleRange: SourceRange?
    public var accTitle: String?
    public var accDescription: String?
    public var accDescriptionRange: SourceRange?
    /// `title:` in YAML front matter.
    public var frontMatterTitle: String?
    /// The `journey` line.
    public var headerRange: SourceRange
    public var sections: [Section] = []
    /// The `%% journeyc:` lines before the first section: the journey, personas and channels.
    public var statements: [Statement] = []

    /// Whether journeyc exported the diagram from a map and left the map's lines in it.
    public var hasStatements: Bool {
        !statements.isEmpty || sections.contains { !$0.statements.isEmpty || $0.tasks.contains { !$0.statements.isEmpty } }
    }

    /// Actors in order of first appearance.
    public var actors: [String] {
        var seen = Set<String>(), order: [String] = []
        for section in sections {
            for task in section.tasks {
                for actor in task.actors where seen.insert(actor).inserted { order.append(actor) }
            }
        }
        return order
    }

    public var tasks: [Task] { sections.flatMap(\.tasks) }
}
