// SymbolIndex: SyntaxTree(s) → every declaration of an identifier (persona, channel, stage,
// touchpoint, pain, delight, opportunity, metric, evidence) and every reference to one (the
// persona of an emotion or a quote, the pain points of an opportunity's `addresses`, a custom
// channel after `via`), each with the range of its identifier and the ElementAddress of the
// element it names. Built by the checker (Frontend.check) and returned beside the Model, for
// the tools that point at names: go to declaration, find references, rename, hover.
//
// What declares and what refers is written once, in the two tables below: a new kind of
// reference (a persona's evidence, a metric's data file …) is a new row. A reference names the
// address its site expects (`emotion maya` → `persona:maya`) whether or not anything declares
// it, so `declaration(of:)` is nil for an unknown name (the checker reports those). Ranges are
// byte offsets in the shared range space, so one index can span several files.

import JourneySyntax

public struct Symbol: Equatable, Sendable {
    public enum Role: Equatable, Sendable {
        case declaration, reference
    }

    public var role: Role
    /// The element it declares or names.
    public var address: ElementAddress
    /// The identifier itself.
    public var nameRange: SourceRange
    /// A declaration's whole statement (from its keyword to the end of the line's last part);
    /// a reference's identifier.
    public var range: SourceRange

    public init(role: Role, address: ElementAddress, nameRange: SourceRange, range: SourceRange) {
        self.role = role
        self.address = address
        self.nameRange = nameRange
        self.range = range
    }
}

public struct SymbolIndex: Sendable {
    /// Declarations in source order (the second declaration of one id is `#2`, as MapAddresses
    /// numbers a repeated element).
    public private(set) var declarations: [Symbol] = []
    /// References in source order.
    public private(set) var references: [Symbol] = []
    private var declarationAt: [ElementAddress: Int] = [:]
    private var referencesTo: [ElementAddress: [Int]] = [:]
    /// Declarations and references together, by the start of their identifiers.
    private var byOffset: [Symbol] = []

    /// The statements whose `id` declares an element, and the kind each declares.
    static let declaring: [(keyword: Keyword, kind: ElementAddress.Kind)] = [
        (.persona, .persona), (.channel, .channel), (.stage, .stage), (.touchpoint, .touchpoint), (.pain, .pain),
        (.delight, .delight), (.opportunity, .opportunity), (.metric, .metric), (.evidence, .evidence),
    ]

    /// Where a statement names another element, and the kind it names.
    struct ReferenceSite: Sendable {
        var keyword: Keyword
        var kind: ElementAddress.Kind
        var names: @Sendable (Statement) -> [NameReference]
    }

    static let referenceSites: [ReferenceSite] = [
        ReferenceSite(keyword: .emotion, kind: .persona) { identifier($0.argument(.persona)) },
        ReferenceSite(keyword: .quote, kind: .persona) { identifier($0.argument(.persona)) },
        ReferenceSite(keyword: .opportunity, kind: .pain) { s in
            guard case .identifierList(let names)? = s.property(.addresses)?.value else { return [] }
            return names
        },
        // A built-in channel is declared by no line.
        ReferenceSite(keyword: .touchpoint, kind: .channel) { s in
            guard let via = s.property(.via), case .identifier(let name) = via.value, BuiltinChannel(rawValue: name) == nil else { return [] }
            return [NameReference(name: name, range: via.valueRange)]
        },
    ]

    private static func identifier(_ argument: Argument?) -> [NameReference] {
        guard let argument, case .identifier(let name) = argument.value else { return [] }
        return [NameReference(name: name, range: argument.range)]
    }

    public init() {}

    public init(_ tree: SyntaxTree) { self.init([tree]) }

    /// One index over several files (a map and the files it uses), their ranges already in one space.
    public init(_ trees: [SyntaxTree]) {
        var repeats: [ElementAddress: Int] = [:]
        // The tables are short: scanned, not hashed (a map has a statement per line).
        let declaring = Self.declaring, sites = Self.referenceSites
        for tree in trees {
            tree.walk { s in
                let keyword = s.keyword
                if let kind = declaring.first(where: { $0.keyword == keyword })?.kind, let arg = s.argument(.id),
                   case .identifier(let id) = arg.value {
                    var address = ElementAddress(kind, .id(id))
                    if declarationAt[address] != nil {
                        let n = (repeats[address] ?? 1) + 1
                        repeats[address] = n
                        address = address.occurrence(n)
                    }
                    declarationAt[address] = declarations.count
                    declarations.append(Symbol(role: .declaration, address: address, nameRange: arg.range,
                                               range: s.keywordRange.union(s.range)))
                }
                for site in sites where site.keyword == keyword {
                    for name in site.names(s) {
                        let address = ElementAddress(site.kind, .id(name.name))
                        referencesTo[address, default: []].append(references.count)
                        references.append(Symbol(role: .reference, address: address, nameRange: name.range, range: name.range))
                    }
                }
            }
        }
        byOffset = Self.merged(declarations, references)
    }

    /// Two lists in source order as one; sorted instead when they are not (trees whose range
    /// spaces were given out of order).
    private static func merged(_ a: [Symbol], _ b: [Symbol]) -> [Symbol] {
        var out: [Symbol] = []
        out.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if j == b.count || (i < a.count && a[i].nameRange.start <= b[j].nameRange.start) {
                out.append(a[i]); i += 1
            } else {
                out.append(b[j]); j += 1
            }
        }
        let inOrder = zip(out, out.dropFirst()).allSatisfy { $0.nameRange.start <= $1.nameRange.start }
        return inOrder ? out : out.sorted { $0.nameRange.start < $1.nameRange.start }
    }

    // MARK: - Queries

    /// The declaration of the element at `address`.
    public func declaration(of address: ElementAddress) -> Symbol? {
        declarationAt[address].map { declarations[$0] }
    }

    /// The declaration a reference names (a declaration is its own); nil when nothing declares it.
    public func declaration(of symbol: Symbol) -> Symbol? {
        symbol.role == .declaration ? symbol : declaration(of: symbol.address)
    }

    /// The references to the element at `address`, in source order.
    public func references(to address: ElementAddress) -> [Symbol] {
        (referencesTo[address] ?? []).map { references[$0] }
    }

    /// The references to what `symbol` declares or names, in source order.
    public func references(of symbol: Symbol) -> [Symbol] { references(to: symbol.address) }

    /// The declaration or reference whose identifier holds the byte `offset`, or ends right at
    /// it (a cursor just after a name is on that name).
    public func symbol(at offset: Int) -> Symbol? {
        // The last symbol starting at or before the offset.
        var lo = 0, hi = byOffset.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if byOffset[mid].nameRange.start <= offset { lo = mid + 1 } else { hi = mid }
        }
        guard lo > 0 else { return nil }
        let candidate = byOffset[lo - 1]
        return offset <= candidate.nameRange.end ? candidate : nil
    }
}
