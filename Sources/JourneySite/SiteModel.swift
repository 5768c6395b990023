// JourneySite: the static site of `journeyc build DIR -o OUT --site` — HTML pages made from what
// the driver compiled, no file I/O here (the command line reads, draws and writes):
//
//   JourneyModel + JourneyScores + the map's SVG + its git history
//        ──SiteSummary──▶ SiteMap (what other pages need of a map: index row, personas' feelings,
//                         search entries; cached by the command between builds)
//        ──MapPage──────▶ the map's page (inline SVG, a text outline of the map, report, history)
//   [SiteMap] ──IndexPage, PersonaPage, PortfolioPage, SearchIndex──▶ the pages about every map
//
// Every link is relative, so the folder opens from disk (file://) or any static host. Pages are
// readable without JavaScript; SiteScript only adds interaction (card details on hover or focus,
// one persona's curve, folded lanes, deep links, search).

/// What the pages about many maps need to know of one map. Codable: the command keeps the
/// summaries of up-to-date maps between builds, so an unchanged map is not compiled again.
public struct SiteMap: Codable, Sendable, Equatable {
    /// The map's path as the user gave it (shown on pages).
    public var source: String
    /// Site-relative path of its page: `maps/shop/checkout.html`.
    public var page: String
    /// Site-relative path of its thumbnail: `maps/shop/checkout.thumb.svg`.
    public var thumbnail: String
    public var title: String
    public var description: String?
    public var owner: String?
    public var version: String?
    /// "current" or "future".
    public var state: String?
    public var stages: Int
    public var touchpoints: Int
    public var pains: Int
    public var opportunities: Int
    /// The experience score, 0–100 (docs/scoring.md), when the map has emotions.
    public var score: Int?
    /// The journey priority, 1–100 (issue 18 part 1). SLOT: filled once the portfolio's priority
    /// lands; nil until then, and the pages show "—".
    public var priority: Int?
    /// The last commit that changed the map, when built from a git checkout.
    public var lastChange: SiteCommit?
    /// The personas the map draws, in its order.
    public var personas: [SitePersona]
    /// Each persona's feeling at each touchpoint.
    public var feelings: [SiteFeeling]
    /// The emotion scale, for the thumbnail and the feelings' wording.
    public var scaleLow: Int
    public var scaleHigh: Int
    /// Stage labels with how many touchpoints each has, for the thumbnail.
    public var stageColumns: [SiteStageColumns]
    /// Words to find the map by.
    public var search: [SiteSearchItem]
    /// The local files its evidence links to, copied into the site (site paths under `files/`).
    public var files: [String] = []
    /// When the map could not be made: its diagnostics, one a line, errors first
    /// (`maps/checkout.journey:12:5: error[E0061]: …`). Its page then shows them, and the pages
    /// about every map name it with the first; it has no thumbnail, personas or search words.
    public var problems: [String] = []

    public init(source: String, page: String, thumbnail: String, title: String, description: String? = nil, owner: String? = nil,
                version: String? = nil, state: String? = nil, stages: Int = 0, touchpoints: Int = 0, pains: Int = 0,
                opportunities: Int = 0, score: Int? = nil, priority: Int? = nil, lastChange: SiteCommit? = nil,
                personas: [SitePersona] = [], feelings: [SiteFeeling] = [], scaleLow: Int = -2, scaleHigh: Int = 2,
                stageColumns: [SiteStageColumns] = [], search: [SiteSearchItem] = []) {
        self.source = source; self.page = page; self.thumbnail = thumbnail; self.title = title
        self.description = description; self.owner = owner; self.version = version; self.state = state
        self.stages = stages; self.touchpoints = touchpoints; self.pains = pains; self.opportunities = opportunities
        self.score = score; self.priority = priority; self.lastChange = lastChange; self.personas = personas
        self.feelings = feelings; self.scaleLow = scaleLow; self.scaleHigh = scaleHigh; self.stageColumns = stageColumns
        self.search = search
    }
}

public struct SiteStageColumns: Codable, Sendable, Equatable {
    public var label: String
    public var touchpoints: Int
}

/// One commit of a map's history.
public struct SiteCommit: Codable, Sendable, Equatable {
    public var hash: String
    /// YYYY-MM-DD, UTC.
    public var date: String
    public var author: String
    public var subject: String

    public init(hash: String, date: String, author: String, subject: String) {
        self.hash = hash; self.date = date; self.author = author; self.subject = subject
    }

    public var short: String { String(hash.prefix(7)) }
}

/// A persona as a map draws it. `key` tells personas apart across maps: the file that declares
/// it and its id (a library persona used by ten maps is one persona; two maps that each declare
/// their own `maya` have two).
public struct SitePersona: Codable, Sendable, Equatable {
    public var key: String
    /// Site-relative path of the persona's page.
    public var page: String
    public var id: String
    public var name: String
    /// The declaring file as shown (a library, or the map itself).
    public var declaredIn: String
    public var description: String?
    public var color: String?
    public var goals: [String]
    public var facts: [SiteFact]
    public var size: String?
    /// 0–1.
    public var share: Double?
    public var frustrations: [String]
    public var behaviors: [String]
    public var quote: String?
    public var evidence: [SiteEvidence]

    public init(key: String, page: String, id: String, name: String, declaredIn: String, description: String? = nil,
                color: String? = nil, goals: [String] = [], facts: [SiteFact] = [], size: String? = nil, share: Double? = nil,
                frustrations: [String] = [], behaviors: [String] = [], quote: String? = nil, evidence: [SiteEvidence] = []) {
        self.key = key; self.page = page; self.id = id; self.name = name; self.declaredIn = declaredIn
        self.description = description; self.color = color; self.goals = goals; self.facts = facts; self.size = size
        self.share = share; self.frustrations = frustrations; self.behaviors = behaviors; self.quote = quote; self.evidence = evidence
    }
}

public struct SiteFact: Codable, Sendable, Equatable {
    public var label: String
    public var value: String
}

public struct SiteEvidence: Codable, Sendable, Equatable {
    public var kind: String
    public var description: String
    public var date: String?
    /// An http(s) address, or a path relative to the page (checked safe by the layout's rule).
    public var link: String?
}

/// A persona's feeling at a touchpoint (an emotion for everyone counts for every persona).
public struct SiteFeeling: Codable, Sendable, Equatable {
    public var persona: String
    public var stage: String
    public var touchpoint: String
    /// The touchpoint's place in the map's reading order, from 0.
    public var column: Int
    /// The touchpoint's address on the map's page (its fragment).
    public var address: String
    public var value: Double
    public var feeling: String?
}

/// One thing search can find: a map, a stage, a touchpoint, a persona, a pain point, an opportunity.
public struct SiteSearchItem: Codable, Sendable, Equatable {
    public var kind: String
    public var text: String
    /// Site-relative page, with its fragment when the item is an element of the page.
    public var target: String
}
