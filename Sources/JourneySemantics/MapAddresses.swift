// MapAddresses: JourneyModel → the ElementAddress of every element, in one walk in reading
// order, shaped like the model (stage s, its touchpoint t, the k-th pain…) so that code that
// walks the model (layout, scores, the diff's overlay) finds each element's address where it
// finds the element; and, on demand (`lookup()`), back from an address to where its element
// sits and its source range. Occurrences are counted here: the second element of one kind with
// the same key in one holder (or the same id anywhere, in a map with errors) is `#2`, so every
// element of one model has an address of its own.

import JourneySyntax

public struct MapAddresses: Sendable {
    /// The addresses of the content a stage or a touchpoint holds, list by list.
    /// The addresses of the content a stage or a touchpoint holds, list by list: one per kind
    /// of content with elements (ContentElements), by kind.
    public struct Content: Sendable {
        var lists: [ContentKind: [ElementAddress]] = [:]

        public var pains: [ElementAddress] { self[ContentKind.pain] }
        public var delights: [ElementAddress] { self[ContentKind.delight] }
        public var opportunities: [ElementAddress] { self[ContentKind.opportunity] }
        public var metrics: [ElementAddress] { self[ContentKind.metric] }
        public var quotes: [ElementAddress] { self[ContentKind.quote] }
        public var evidence: [ElementAddress] { self[ContentKind.evidence] }

        /// The list of one kind (empty for a kind the holder does not hold).
        public subscript(_ kind: ContentKind) -> [ElementAddress] { lists[kind] ?? [] }
    }

    public struct TouchpointAddresses: Sendable {
        public var touchpoint: ElementAddress
        public var emotions: [ElementAddress] = []
        public var content = Content()
    }

    public struct StageAddresses: Sendable {
        public var stage: ElementAddress
        /// The stage's own content (not its touchpoints').
        public var content = Content()
        public var touchpoints: [TouchpointAddresses] = []
    }

    public private(set) var personas: [ElementAddress] = []
    /// Each persona's evidence (`persona:maya/evidence:"…"`, or `evidence:id`), persona by persona.
    public private(set) var personaEvidence: [[ElementAddress]] = []
    public private(set) var channels: [ElementAddress] = []
    public private(set) var stages: [StageAddresses] = []
    /// The model, for `lookup()`.
    let model: JourneyModel
    /// Identifiers already given, per kind: a repeated one (a map with errors) takes `#2`.
    private var ids: [ElementAddress.Kind: [String: Int]] = [:]

    public init(_ model: JourneyModel) {
        self.model = model
        personas = model.personas.map { next(.persona, id: $0.id) }
        for (p, persona) in model.personas.enumerated() {
            var labels = LabelCounter()
            personaEvidence.append(persona.evidence.map { address(.evidence, id: $0.id, label: $0.description, in: personas[p], &labels) })
        }
        channels = model.customChannels.map { next(.channel, id: $0.id) }
        var stageLabels = LabelCounter()
        for stage in model.stages {
            let stageAddress = address(.stage, id: stage.id, label: stage.label, in: nil, &stageLabels)
            var entry = StageAddresses(stage: stageAddress)
            entry.content = content(in: stageAddress) { $0.ofStage(stage) }
            var touchpointLabels = LabelCounter()
            for tp in stage.touchpoints {
                let address = address(.touchpoint, id: tp.id, label: tp.label, in: stageAddress, &touchpointLabels)
                var tpEntry = TouchpointAddresses(touchpoint: address)
                var personas = LabelCounter()
                tpEntry.emotions = tp.emotions.map { e in
                    let n = personas.next(e.persona ?? "")
                    return ElementAddress(steps: address.steps + [.init(.emotion, e.persona.map(ElementAddress.Key.id) ?? .none, occurrence: n)])
                }
                tpEntry.content = content(in: address) { $0.ofTouchpoint(tp) }
                entry.touchpoints.append(tpEntry)
            }
            stages.append(entry)
        }
    }

    /// The addresses of a holder's content, kind by kind (ContentElements): each element by its
    /// id, else by its label among the kind's elements in the holder.
    private mutating func content(in holder: ElementAddress, _ elements: (ContentElements) -> [ContentElementName]) -> Content {
        var c = Content()
        for row in ContentElements.rows {
            var labels = LabelCounter()
            c.lists[row.kind] = elements(row).map { address(row.kind.row.address, id: $0.id, label: $0.label, in: holder, &labels) }
        }
        return c
    }

    /// An element's address: by its id (unique in the map), else by its label among the
    /// siblings of its kind in `holder` (`labels` counts those).
    private mutating func address(_ kind: ElementAddress.Kind, id: String?, label: String, in holder: ElementAddress?,
                                  _ labels: inout LabelCounter) -> ElementAddress {
        if let id { return next(kind, id: id) }
        let step = ElementAddress.Step(kind, .label(label), occurrence: labels.next(label))
        return ElementAddress(steps: (holder?.steps ?? []) + [step])
    }

    private mutating func next(_ kind: ElementAddress.Kind, id: String) -> ElementAddress {
        let n = (ids[kind, default: [:]][id] ?? 0) + 1
        ids[kind, default: [:]][id] = n
        return ElementAddress(kind, .id(id), occurrence: n)
    }

    // MARK: - Back from an address

    /// Where an element sits in the model the addresses were made from.
    public struct Place: Equatable, Sendable {
        /// The stage holding it (or being it); nil for the journey, a persona, a persona's
        /// evidence and a channel.
        public var stage: Int?
        /// The touchpoint in that stage holding it (or being it).
        public var touchpoint: Int?
        /// Its index in its list (personas, channels, a holder's pains…); 0 for the journey,
        /// a stage (its index is `stage`) and a touchpoint.
        public var index: Int
        public var range: SourceRange
        /// The persona holding it, for a persona's evidence.
        public var persona: Int? = nil
    }

    /// From each address to where its element sits, with its source range. A dictionary of
    /// every element, so made only when asked for (the layout and the scores only go forward).
    public func lookup() -> [ElementAddress: Place] {
        var places: [ElementAddress: Place] = [:]
        func add(_ list: [ElementAddress], _ ranges: [SourceRange], stage: Int?, touchpoint: Int?) {
            for (k, a) in list.enumerated() { places[a] = Place(stage: stage, touchpoint: touchpoint, index: k, range: ranges[k]) }
        }
        func add(_ c: Content, _ elements: (ContentElements) -> [ContentElementName], stage: Int, touchpoint: Int?) {
            for row in ContentElements.rows { add(c[row.kind], elements(row).map(\.range), stage: stage, touchpoint: touchpoint) }
        }
        places[.journey] = Place(stage: nil, touchpoint: nil, index: 0, range: model.range)
        add(personas, model.personas.map(\.range), stage: nil, touchpoint: nil)
        for (p, persona) in model.personas.enumerated() {
            for (k, a) in personaEvidence[p].enumerated() {
                places[a] = Place(stage: nil, touchpoint: nil, index: k, range: persona.evidence[k].range, persona: p)
            }
        }
        add(channels, model.customChannels.map(\.range), stage: nil, touchpoint: nil)
        for (s, stage) in model.stages.enumerated() {
            let a = stages[s]
            places[a.stage] = Place(stage: s, touchpoint: nil, index: 0, range: stage.range)
            add(a.content, { $0.ofStage(stage) }, stage: s, touchpoint: nil)
            for (t, tp) in stage.touchpoints.enumerated() {
                let ta = a.touchpoints[t]
                places[ta.touchpoint] = Place(stage: s, touchpoint: t, index: 0, range: tp.range)
                add(ta.emotions, tp.emotions.map(\.range), stage: s, touchpoint: t)
                add(ta.content, { $0.ofTouchpoint(tp) }, stage: s, touchpoint: t)
            }
        }
        return places
    }
}

/// Counts the labels given so far in one list: the second "Slow" is occurrence 2. Most lists
/// are short and hold no repeat, so nothing is hashed until a list has two elements.
struct LabelCounter {
    private var first: String?
    private var counts: [String: Int] = [:]

    mutating func next(_ label: String) -> Int {
        guard let first else {
            first = label
            return 1
        }
        if counts.isEmpty { counts[first] = 1 }
        let n = (counts[label] ?? 0) + 1
        counts[label] = n
        return n
    }
}

extension MapAddresses.Content {
    /// The list of one kind (empty for a kind a holder does not hold in lists).
    public subscript(_ kind: ElementAddress.Kind) -> [ElementAddress] {
        ContentKind(rawValue: kind.rawValue).map { self[$0] } ?? []
    }
}
