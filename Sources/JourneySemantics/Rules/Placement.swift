// Placement: which attribute each element may hold, as one table, and how to explain a
// line that sits under an element that cannot hold it.

import JourneySyntax

public enum Placement {
    static let journey: Set<Keyword> = [.description, .owner, .version, .state, .baseline, .scale, .weights, .freshness,
                                        .volume, .value, .cost, .contributes]
    // The kinds of content each element may hold come from the registry (ContentKinds); the
    // rest of each set is the element's own attributes.
    static let persona: Set<Keyword> = own([.description, .goal, .color, .share, .size, .fact, .frustration, .behavior], .persona)
    static let channel: Set<Keyword> = [.description]
    static let stage: Set<Keyword> = own([.description, .goal, .touchpoint, .detail], .stage)
    static let touchpoint: Set<Keyword> = own([.description, .owner, .actor, .detail], .touchpoint)

    /// An element's own attributes and the keywords of the kinds of content it may hold.
    private static func own(_ attributes: Set<Keyword>, _ element: Keyword) -> Set<Keyword> {
        attributes.union(ContentKinds.held(by: element).map(\.keyword))
    }

    /// Attributes an element holds at most once (lists repeat, and so does a persona's goal).
    static let singleValued: Set<Keyword> = [.description, .owner, .actor, .version, .state, .baseline, .scale, .color, .share, .size, .weights, .freshness,
                                             .volume, .value, .cost, .currency, .detail]

    /// A stage has one goal; a persona speaks in one quote (a touchpoint holds many).
    static func isSingleValued(_ attribute: Keyword, in element: Keyword) -> Bool {
        singleValued.contains(attribute) || (element == .stage && attribute == .goal) || (element == .persona && attribute == .quote)
    }

    public static func allowed(in element: Keyword) -> Set<Keyword> {
        switch element {
        case .journey: journey
        case .persona: persona
        case .channel: channel
        case .stage: stage
        case .touchpoint: touchpoint
        default: []
        }
    }

    /// The elements that may hold `attribute`, in reading order.
    static func holders(of attribute: Keyword) -> [Keyword] {
        [.journey, .persona, .channel, .stage, .touchpoint].filter { allowed(in: $0).contains(attribute) }
    }

    /// Message and help for `attribute` written under `owner` (nil: before any element).
    static func explain(_ attribute: Keyword, in owner: Statement?) -> (String, String) {
        let holders = holders(of: attribute)
        let holderList = holders.map { "a \($0.rawValue)" }.joined(separator: " or ")
        guard let owner else {
            return ("'\(attribute.rawValue)' must follow the element it belongs to",
                    "write it below \(holderList) line")
        }
        let ownerName = "\(owner.keyword.rawValue) \(Describe.element(owner))"
        let message = "\(owner.keyword.withArticle) cannot have '\(attribute.rawValue)'"
        // The common slip: a stage's attribute written after the stage's touchpoints.
        if owner.keyword == .touchpoint, holders.contains(.stage) {
            return (message, "to give the stage a \(attribute.rawValue), move this line above the stage's first touchpoint")
        }
        if owner.keyword == .stage, holders.contains(.touchpoint) {
            return (message, "\(attribute.noun)s belong to touchpoints: write it below a `touchpoint` line of \(ownerName)")
        }
        if owner.keyword == .persona, attribute == .pain {
            return (message, "what troubles a persona in general is its `frustration \"…\"`; pain points found on the journey belong to a stage or touchpoint")
        }
        if [.persona, .channel, .journey].contains(owner.keyword), holders.contains(.stage) {
            return (message, "is a `stage` line missing above? '\(attribute.rawValue)' belongs to \(holderList), and the last element opened is \(ownerName)")
        }
        if holders.contains(.journey), !holders.contains(.touchpoint) {
            return (message, "'\(attribute.rawValue)' belongs to the journey: move it below the `journey` line")
        }
        return (message, "'\(attribute.rawValue)' belongs to \(holderList)")
    }
}
