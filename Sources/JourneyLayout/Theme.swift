// Theme: every colour, font and distance of the picture as data. Layout reads it; the
// renderer only draws what layout decided. Three themes: light (default), dark, print.

import JourneySemantics

public struct FontSpec: Hashable, Sendable {
    /// Pango family list, most wanted first; fontconfig falls back per character beyond it.
    public var family: String
    public var size: Double
    public var bold: Bool = false
    public var italic: Bool = false

    public init(family: String, size: Double, bold: Bool = false, italic: Bool = false) {
        self.family = family; self.size = size; self.bold = bold; self.italic = italic
    }

    /// Height of one line of text as layout spaces it.
    public var lineHeight: Double { (size * 1.38).rounded() }

    /// The family list is long and the same in nearly every font of a map: its length stands for
    /// it (equality still compares it). Fonts are hashed with every text measured and drawn.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(family.utf8.count)
        hasher.combine(size)
        hasher.combine(bold)
        hasher.combine(italic)
    }
}

public struct Theme: Sendable {
    public var name: String

    // Colours
    public var background: Color
    public var text: Color
    public var mutedText: Color
    public var gridLine: Color
    public var stageFill: Color
    public var stageText: Color
    public var cardFill: Color
    public var cardStroke: Color
    public var painFill: Color
    public var painStroke: Color
    public var painAccent: Color
    public var delightFill: Color
    public var delightStroke: Color
    public var opportunityFill: Color
    public var opportunityStroke: Color
    /// The impact · effort pill on an opportunity card, and its text (WCAG AA on each other).
    public var opportunityBadge: Color
    public var opportunityBadgeText: Color
    public var metricMet: Color
    public var metricMissed: Color
    public var metricNeutral: Color
    public var quoteFill: Color
    public var evidenceFill: Color
    public var negativeZone: Color
    public var positiveZone: Color
    public var baseline: Color
    public var laneLabelFill: Color
    /// Persona colours: told apart with the common colour-vision deficiencies, each 3:1 or more
    /// against `background` (see `PersonaPalette.standard`).
    public var personaPalette: [Color]
    /// Print: draw persona curves with distinct dash patterns as well, so greyscale reads.
    public var dashedPersonas: Bool

    // Fonts
    public var titleFont: FontSpec
    public var subtitleFont: FontSpec
    public var metaFont: FontSpec
    public var stageFont: FontSpec
    public var stageGoalFont: FontSpec
    public var laneFont: FontSpec
    public var cardTitleFont: FontSpec
    public var cardFont: FontSpec
    public var smallFont: FontSpec
    public var quoteFont: FontSpec
    /// Badges and change marks: the small font, bold.
    public var markFont: FontSpec { FontSpec(family: smallFont.family, size: smallFont.size, bold: true) }
    /// Every font the layout sets text in: those of cards and lanes first (most of a map's
    /// text), the header's last.
    public var fonts: [FontSpec] {
        var all: [FontSpec] = []
        for f in [cardFont, smallFont, cardTitleFont, laneFont, markFont, quoteFont, stageFont, stageGoalFont, metaFont,
                  subtitleFont, titleFont] where !all.contains(f) {
            all.append(f)
        }
        return all
    }

    // Rendered diffs (`journeyc diff -o`): new elements, changed ones, ghosts of removed ones.
    public var diffAdded = Color(hex: "#1A7F37")
    public var diffChanged = Color(hex: "#9A6700")
    public var diffRemoved = Color(hex: "#CF222E")
    /// The outline of a changed element (print: dashed, so it reads without hue).
    public var diffChangedDash: [Double] = []
    /// How much of a removed element's ink its ghost keeps.
    public var ghostAlpha = 0.4
    /// How much of its colour the dashed curve of before keeps (a diff, a future map's gap
    /// view): on a dark background a faded persona colour sinks into the lane.
    public var ghostCurveAlpha = 0.5

    // Distances
    public var margin = 32.0
    public var gutterWidth = 128.0
    public var columnWidth = 188.0
    public var columnGap = 12.0
    /// The gap between columns of a map with a service blueprint: its connectors run side by side
    /// in the corridors between columns, 6 px apart, clear of the arrowheads (BlueprintLayout).
    public var blueprintColumnGap = 24.0
    public var laneGap = 10.0
    public var rowGap = 36.0
    public var cardPadding = 8.0
    public var cardGap = 6.0
    public var cardRadius = 6.0
    public var emotionStep = 30.0
    public var iconSize = 16.0

    // Not "Noto Color Emoji": named in the list it takes over digits and dashes (its keycap
    // glyphs); fontconfig still falls back to it for emoji.
    public static let fontFamily = "Noto Sans, DejaVu Sans, Noto Sans CJK JP, Noto Sans Arabic, Noto Sans Hebrew"

    static func fonts(_ base: inout Theme) {
        let f = fontFamily
        base.titleFont = FontSpec(family: f, size: 24, bold: true)
        base.subtitleFont = FontSpec(family: f, size: 13)
        base.metaFont = FontSpec(family: f, size: 11)
        base.stageFont = FontSpec(family: f, size: 14, bold: true)
        base.stageGoalFont = FontSpec(family: f, size: 11, italic: true)
        base.laneFont = FontSpec(family: f, size: 12, bold: true)
        base.cardTitleFont = FontSpec(family: f, size: 12, bold: true)
        base.cardFont = FontSpec(family: f, size: 11)
        base.smallFont = FontSpec(family: f, size: 10)
        base.quoteFont = FontSpec(family: f, size: 11, italic: true)
    }

    public static let standardPalette: [Color] = PersonaPalette.standard.map { Color(hex: $0.description) }

    public static let light: Theme = {
        let placeholder = FontSpec(family: fontFamily, size: 11)
        var t = Theme(
            name: "light",
            background: Color(hex: "#FFFFFF"), text: Color(hex: "#1F2328"), mutedText: Color(hex: "#59636E"),
            gridLine: Color(hex: "#D8DEE4"), stageFill: Color(hex: "#24344D"), stageText: Color(hex: "#FFFFFF"),
            cardFill: Color(hex: "#F6F8FA"), cardStroke: Color(hex: "#D0D7DE"),
            painFill: Color(hex: "#FFEBE9"), painStroke: Color(hex: "#E5534B"), painAccent: Color(hex: "#B5302C"),
            delightFill: Color(hex: "#E6F6EC"), delightStroke: Color(hex: "#2DA44E"),
            opportunityFill: Color(hex: "#EEF4FF"), opportunityStroke: Color(hex: "#4C7DD9"),
            opportunityBadge: Color(hex: "#3566C2"), opportunityBadgeText: Color(hex: "#FFFFFF"),
            metricMet: Color(hex: "#1A7F37"), metricMissed: Color(hex: "#CF222E"), metricNeutral: Color(hex: "#59636E"),
            quoteFill: Color(hex: "#FBF8F1"), evidenceFill: Color(hex: "#F3F0FA"),
            negativeZone: Color(hex: "#FDECEC"), positiveZone: Color(hex: "#EAF6EE"), baseline: Color(hex: "#8C959F"),
            laneLabelFill: Color(hex: "#F0F3F6"),
            personaPalette: standardPalette, dashedPersonas: false,
            titleFont: placeholder, subtitleFont: placeholder, metaFont: placeholder, stageFont: placeholder,
            stageGoalFont: placeholder, laneFont: placeholder, cardTitleFont: placeholder, cardFont: placeholder,
            smallFont: placeholder, quoteFont: placeholder)
        fonts(&t)
        return t
    }()

    public static let dark: Theme = {
        var t = light
        t.name = "dark"
        t.background = Color(hex: "#0D1117"); t.text = Color(hex: "#E6EDF3"); t.mutedText = Color(hex: "#9DA7B3")
        t.gridLine = Color(hex: "#30363D"); t.stageFill = Color(hex: "#2F4A72"); t.stageText = Color(hex: "#FFFFFF")
        t.cardFill = Color(hex: "#161B22"); t.cardStroke = Color(hex: "#30363D")
        t.painFill = Color(hex: "#3A1D1F"); t.painStroke = Color(hex: "#F47067"); t.painAccent = Color(hex: "#FF938A")
        t.delightFill = Color(hex: "#12301E"); t.delightStroke = Color(hex: "#57AB5A")
        t.opportunityFill = Color(hex: "#152238"); t.opportunityStroke = Color(hex: "#6CB6FF")
        t.opportunityBadge = Color(hex: "#6CB6FF"); t.opportunityBadgeText = Color(hex: "#0D1117")
        t.metricMet = Color(hex: "#57AB5A"); t.metricMissed = Color(hex: "#F47067"); t.metricNeutral = Color(hex: "#9DA7B3")
        t.quoteFill = Color(hex: "#1C1A14"); t.evidenceFill = Color(hex: "#1E1A2B")
        t.negativeZone = Color(hex: "#2A1517"); t.positiveZone = Color(hex: "#102318"); t.baseline = Color(hex: "#768390")
        t.laneLabelFill = Color(hex: "#161B22")
        t.personaPalette = ["#56B4E9", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#0072B2", "#F0E442", "#FFFFFF"].map { Color(hex: $0) }
        t.diffAdded = Color(hex: "#3FB950"); t.diffChanged = Color(hex: "#D29922"); t.diffRemoved = Color(hex: "#F85149")
        t.ghostAlpha = 0.45
        t.ghostCurveAlpha = 0.8
        return t
    }()

    /// Reads in greyscale: strong contrast, no meaning carried by hue alone.
    public static let print: Theme = {
        var t = light
        t.name = "print"
        t.stageFill = Color(hex: "#000000")
        t.cardFill = Color(hex: "#FFFFFF"); t.cardStroke = Color(hex: "#555555")
        t.painFill = Color(hex: "#E8E8E8"); t.painStroke = Color(hex: "#000000"); t.painAccent = Color(hex: "#000000")
        t.delightFill = Color(hex: "#FFFFFF"); t.delightStroke = Color(hex: "#555555")
        t.opportunityFill = Color(hex: "#FFFFFF"); t.opportunityStroke = Color(hex: "#000000")
        t.opportunityBadge = Color(hex: "#000000"); t.opportunityBadgeText = Color(hex: "#FFFFFF")
        t.metricMet = Color(hex: "#000000"); t.metricMissed = Color(hex: "#000000"); t.metricNeutral = Color(hex: "#555555")
        t.quoteFill = Color(hex: "#FFFFFF"); t.evidenceFill = Color(hex: "#FFFFFF")
        t.negativeZone = Color(hex: "#E4E4E4"); t.positiveZone = Color(hex: "#FFFFFF"); t.baseline = Color(hex: "#000000")
        t.laneLabelFill = Color(hex: "#F2F2F2")
        t.personaPalette = ["#000000", "#555555", "#888888", "#222222", "#777777", "#444444", "#666666", "#333333"].map { Color(hex: $0) }
        t.dashedPersonas = true
        t.diffAdded = Color(hex: "#000000"); t.diffChanged = Color(hex: "#000000"); t.diffRemoved = Color(hex: "#555555")
        t.diffChangedDash = [5, 3]
        return t
    }()

    public static func named(_ name: String) -> Theme? {
        switch name {
        case "light": light
        case "dark": dark
        case "print": print
        default: nil
        }
    }
}
