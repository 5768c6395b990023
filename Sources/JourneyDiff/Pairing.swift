// Pairing: which element of the old map is which element of the new one. Passes run from the
// surest evidence to the weakest — the same id, then the same label in the same place, then
// the same label anywhere, then a label that mostly shares its words — and a later pass only
// pairs what the earlier ones left. Order changes are found with a longest increasing
// subsequence, so an insertion does not make everything after it look reordered.

/// Old and new indices paired one to one.
struct Pairing {
    private(set) var newForOld: [Int?]
    private(set) var oldForNew: [Int?]

    init(old: Int, new: Int) {
        newForOld = Array(repeating: nil, count: old)
        oldForNew = Array(repeating: nil, count: new)
    }

    mutating func pair(old o: Int, new n: Int) {
        newForOld[o] = n
        oldForNew[n] = o
    }

    /// For each new item in order, the first unpaired old item with the same key. A nil key
    /// never pairs.
    mutating func pairByKey<K: Hashable>(old: [K?], new: [K?]) {
        var waiting: [K: [Int]] = [:]
        for (o, key) in old.enumerated() where newForOld[o] == nil {
            if let key { waiting[key, default: []].append(o) }
        }
        var next: [K: Int] = [:]
        for (n, key) in new.enumerated() where oldForNew[n] == nil {
            guard let key, let candidates = waiting[key] else { continue }
            var k = next[key] ?? 0
            while k < candidates.count, newForOld[candidates[k]] != nil { k += 1 }
            guard k < candidates.count else { continue }
            pair(old: candidates[k], new: n)
            next[key] = k + 1
        }
    }

    /// Pairs unpaired items of the same group whose texts share most of their words (Dice
    /// coefficient of the word sets ≥ `threshold`), best pairs first. Groups with too many
    /// candidates are skipped: similarity is a courtesy, not worth quadratic time.
    mutating func pairBySimilarity<G: Hashable>(old: [(group: G?, text: String)], new: [(group: G?, text: String)],
                                               threshold: Double = 0.6, accept: (Int, Int) -> Bool = { _, _ in true }) {
        var oldByGroup: [G: [Int]] = [:]
        var groupOrder: [G] = []
        for (o, item) in old.enumerated() where newForOld[o] == nil {
            guard let g = item.group else { continue }
            if oldByGroup[g] == nil { groupOrder.append(g) }
            oldByGroup[g, default: []].append(o)
        }
        var newByGroup: [G: [Int]] = [:]
        for (n, item) in new.enumerated() where oldForNew[n] == nil {
            if let g = item.group, oldByGroup[g] != nil { newByGroup[g, default: []].append(n) }
        }
        for g in groupOrder {
            guard let os = oldByGroup[g], let ns = newByGroup[g], os.count * ns.count <= 10_000 else { continue }
            let oldWords = os.map { Words.set(old[$0].text) }
            var candidates: [(score: Double, o: Int, n: Int)] = []
            for n in ns {
                let words = Words.set(new[n].text)
                for (k, o) in os.enumerated() {
                    let score = Words.dice(oldWords[k], words)
                    if score >= threshold, accept(o, n) { candidates.append((score, o, n)) }
                }
            }
            candidates.sort { ($0.score, -$0.o, -$0.n) > ($1.score, -$1.o, -$1.n) }
            for c in candidates where newForOld[c.o] == nil && oldForNew[c.n] == nil {
                pair(old: c.o, new: c.n)
            }
        }
    }
}

enum Words {
    /// Lower-cased words (letters and digits) of a text.
    static func set(_ text: String) -> Set<String> {
        var words: Set<String> = []
        var current = ""
        for ch in text.lowercased() {
            if ch.isLetter || ch.isNumber {
                current.append(ch)
            } else if !current.isEmpty {
                words.insert(current)
                current = ""
            }
        }
        if !current.isEmpty { words.insert(current) }
        return words
    }

    static func dice(_ a: Set<String>, _ b: Set<String>) -> Double {
        guard !a.isEmpty || !b.isEmpty else { return 1 }
        return 2 * Double(a.intersection(b).count) / Double(a.count + b.count)
    }
}

enum Sequences {
    /// Indices (into `values`) of one longest strictly increasing subsequence (deterministic:
    /// patience sorting). The elements outside it are the ones that changed place: moving one
    /// element to the front or the back reports that element alone.
    static func longestIncreasing(_ values: [Int]) -> Set<Int> {
        guard !values.isEmpty else { return [] }
        // Patience sorting: tails[k] is the index ending the best subsequence of length k+1.
        var tails: [Int] = []
        var previous = [Int](repeating: -1, count: values.count)
        for (i, v) in values.enumerated() {
            var lo = 0, hi = tails.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if values[tails[mid]] < v { lo = mid + 1 } else { hi = mid }
            }
            if lo > 0 { previous[i] = tails[lo - 1] }
            if lo == tails.count { tails.append(i) } else { tails[lo] = i }
        }
        var keep: Set<Int> = []
        var i = tails.last!
        while i >= 0 {
            keep.insert(i)
            i = previous[i]
        }
        return keep
    }

    /// The new items interleaved with the removed old ones, each removed item placed right
    /// after the new counterpart of the nearest old item before it that is still here (or
    /// first, when there is none), in one pass. `old` names the old items (`.removed` carries
    /// these names), `pairing` gives each one's new counterpart, and `anchorOf` turns a
    /// counterpart into a position among the new items (nil: it is elsewhere, not an anchor).
    static func interleave(newCount: Int, old: [Int]? = nil, pairing: [Int?], anchorOf: (Int) -> Int?) -> [Slot] {
        var after: [Int: [Int]] = [:]
        var first: [Int] = []
        var anchor: Int?
        for (k, paired) in pairing.enumerated() {
            let name = old?[k] ?? k
            if let paired {
                if let a = anchorOf(paired) { anchor = a }
            } else if let anchor {
                after[anchor, default: []].append(name)
            } else {
                first.append(name)
            }
        }
        var slots = first.map(Slot.removed)
        for n in 0..<newCount {
            slots.append(.new(n))
            slots += (after[n] ?? []).map(Slot.removed)
        }
        return slots
    }

    enum Slot: Equatable {
        case new(Int)
        case removed(Int)
    }
}
