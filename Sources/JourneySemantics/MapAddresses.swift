// MapAddresses: JourneyModel → the ElementAddress of every element, in one walk in reading
// order, shaped like the model (stage s, its touchpoint t, the k-th pain…) so that code that
// walks the model (layout, scores, the diff's overlay) finds each element's address where it
// finds the element; and back, from an address to where its element sits and its source range.
// Occurrences are counted here: the second element of one kind with the same key in one holder
// is `#2`, so every element of one model has an address of its own.

import JourneySyntax

public struct MapAddresses: Sendable {
    /// The addresses of the content a stage or a touchpoint holds, list by list.
    public struct Content: Sendable {
        public var pains: [ElementAddress] = []
        public var delights: [ElementAddress] = []
        public var opportunities: [ElementAddress] = []
        public var metrics: [ElementAddress] = []
        public var quotes: [ElementAddress] = []
        public var evidence: [ElementAddress] = []
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

    /// Where an element sits in the model the addresses were made from.
    public struct Place: Equatable, Sendable {
        /// The stage holding it (or being it); nil for the journey, a persona and a channel.
        public var stage: Int?
        /// The touchpoint in that stage holding it (or being it).
        public var touchpoint: Int?
        /// Its index in its list (personas, channels, a holder's pains…); 0 for the journey,
        /// a stage (its index is `stage`) and a touchpoint.
        public var index: Int
        public var range: SourceRange
    }

    public private(set) var personas: [ElementAddress] = []
    public private(set) var channels: [ElementAddress] = []
    public private(set) var stages: [StageAddresses] = []
    private var places: [ElementAddress: Place] = [:]
    /// How many elements share an address that more than one has (occurrence 1 of it).
    private var repeats: [ElementAddress: Int] = [:]

    public init(_ model: JourneyModel) {
        places.reserveCapacity(model.stages.count * 8)
        _ = add(.journey, Place(stage: nil, touchpoint: nil, index: 0, range: model.range))
        for (k, p) in model.personas.enumerated() {
            personas.append(add(.persona(p.id), Place(stage: nil, touchpoint: nil, index: k, range: p.range)))
        }
        for (k, c) in model.customChannels.enumerated() {
            channels.append(add(.channel(c.id), Place(stage: nil, touchpoint: nil, index: k, range: c.range)))
        }
        for (s, stage) in model.stages.enumerated() {
            let stageAddress = add(.element(.stage, id: stage.id, label: stage.label, in: nil),
                                   Place(stage: s, touchpoint: nil, index: 0, range: stage.range))
            var entry = StageAddresses(stage: stageAddress)
            entry.content = content(pains: stage.pains, delights: [], opportunities: stage.opportunities, metrics: stage.metrics,
                                    quotes: [], evidence: stage.evidence, in: stageAddress, stage: s, touchpoint: nil)
            for (t, tp) in stage.touchpoints.enumerated() {
                let address = add(.element(.touchpoint, id: tp.id, label: tp.label, in: stageAddress),
                                  Place(stage: s, touchpoint: t, index: 0, range: tp.range))
                var tpEntry = TouchpointAddresses(touchpoint: address)
                tpEntry.emotions = tp.emotions.enumerated().map { k, e in
                    add(ElementAddress(.emotion, e.persona.map(ElementAddress.Key.id) ?? .none).inside(address),
                        Place(stage: s, touchpoint: t, index: k, range: e.range))
                }
                tpEntry.content = content(pains: tp.pains, delights: tp.delights, opportunities: tp.opportunities, metrics: tp.metrics,
                                          quotes: tp.quotes, evidence: tp.evidence, in: address, stage: s, touchpoint: t)
                entry.touchpoints.append(tpEntry)
            }
            stages.append(entry)
        }
    }

    private mutating func content(pains: [PainPoint], delights: [Delight], opportunities: [Opportunity], metrics: [Metric],
                                  quotes: [Quote], evidence: [Evidence], in holder: ElementAddress, stage s: Int, touchpoint t: Int?) -> Content {
        func place(_ k: Int, _ range: SourceRange) -> Place { Place(stage: s, touchpoint: t, index: k, range: range) }
        var c = Content()
        c.pains = pains.enumerated().map { k, p in add(.element(.pain, id: p.id, label: p.text, in: holder), place(k, p.range)) }
        c.delights = delights.enumerated().map { k, d in add(.element(.delight, id: d.id, label: d.text, in: holder), place(k, d.range)) }
        c.opportunities = opportunities.enumerated().map { k, o in
            add(.element(.opportunity, id: o.id, label: o.text, in: holder), place(k, o.range))
        }
        c.metrics = metrics.enumerated().map { k, m in add(.element(.metric, id: m.id, label: m.name, in: holder), place(k, m.range)) }
        c.quotes = quotes.enumerated().map { k, q in add(.element(.quote, id: nil, label: q.text, in: holder), place(k, q.range)) }
        c.evidence = evidence.enumerated().map { k, e in
            add(.element(.evidence, id: e.id, label: e.description, in: holder), place(k, e.range))
        }
        return c
    }

    /// Records `address` (occurrence 1) or, when an element already has it, the next free
    /// occurrence; returns what was recorded.
    private mutating func add(_ address: ElementAddress, _ place: Place) -> ElementAddress {
        guard places[address] != nil else {
            places[address] = place
            return address
        }
        // Counted, not searched: a holder of 100,000 equal pain points stays linear.
        let n = (repeats[address] ?? 1) + 1
        repeats[address] = n
        let recorded = address.occurrence(n)
        places[recorded] = place
        return recorded
    }

    // MARK: - Back from an address

    /// Where the element with this address sits, and its source range; nil when the model has none.
    public func place(of address: ElementAddress) -> Place? { places[address] }

    /// The index of the stage with this address.
    public func stage(_ address: ElementAddress) -> Int? {
        guard address.kind == .stage else { return nil }
        return places[address]?.stage
    }

    /// The stage and index in it of the touchpoint with this address.
    public func touchpoint(_ address: ElementAddress) -> (stage: Int, touchpoint: Int)? {
        guard address.kind == .touchpoint, let p = places[address], let s = p.stage, let t = p.touchpoint else { return nil }
        return (s, t)
    }

    /// Every address, in no particular order.
    public var all: Dictionary<ElementAddress, Place>.Keys { places.keys }
}

extension MapAddresses.Content {
    /// The list of one kind (empty for a kind a holder does not hold in lists).
    public subscript(_ kind: ElementAddress.Kind) -> [ElementAddress] {
        switch kind {
        case .pain: pains
        case .delight: delights
        case .opportunity: opportunities
        case .metric: metrics
        case .quote: quotes
        case .evidence: evidence
        default: []
        }
    }
}
