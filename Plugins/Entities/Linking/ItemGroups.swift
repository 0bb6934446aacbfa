/// Groups of the linker's items (by their numbers), each keeping its members in the order they
/// joined, stored as chains through one array over the items instead of an array per group.
///
/// A document's names fall into dozens of groups, most of one or two members, so an array per
/// group would be most of the linker's allocations.
struct ItemGroups {
    /// Per group, in the order the groups were made: its first and last member (-1 for a
    /// group whose members were moved to another).
    private var first: [Int32] = []
    private var last: [Int32] = []
    /// Per item: the member after it in its group (-1 for the last one and for items in no group).
    private var next: [Int32]

    init(itemCount: Int) {
        next = [Int32](repeating: -1, count: itemCount)
        // (There are never more groups than items: room for all, so that none is grown.)
        first.reserveCapacity(itemCount)
        last.reserveCapacity(itemCount)
    }

    /// The groups of `groups` (each a list of item numbers, an empty list an empty group).
    init(_ groups: [[Int]], itemCount: Int) {
        self.init(itemCount: itemCount)
        for members in groups {
            guard let head = members.first else {
                first.append(-1)
                last.append(-1)
                continue
            }
            let g = newGroup(head)
            for m in members.dropFirst() { append(m, to: g) }
        }
    }

    /// How many groups were made (empty ones included).
    var count: Int { first.count }

    /// Makes a group whose only member is `item`; returns its number.
    mutating func newGroup(_ item: Int) -> Int {
        first.append(Int32(item))
        last.append(Int32(item))
        return first.count - 1
    }

    /// Adds `item` (in no group yet) at the end of group `g`. An item numbered past those the
    /// groups were made for is taken in.
    mutating func append(_ item: Int, to g: Int) {
        if item >= next.count { next += repeatElement(-1, count: item + 1 - next.count) }
        next[Int(last[g])] = Int32(item)
        last[g] = Int32(item)
    }

    /// The first member of group `g`, or nil when it is empty.
    func firstMember(_ g: Int) -> Int? { first[g] < 0 ? nil : Int(first[g]) }

    /// Moves the members of group `k` after those of group `target` (a nonempty group other
    /// than `k`), in their order, leaving `k` empty.
    mutating func move(_ k: Int, after target: Int) {
        guard first[k] >= 0 else { return }
        next[Int(last[target])] = first[k]
        last[target] = last[k]
        first[k] = -1
        last[k] = -1
    }

    /// The members of group `g` in order, into `out` (emptied first).
    func members(_ g: Int, into out: inout [Int]) {
        out.removeAll(keepingCapacity: true)
        var m = first[g]
        while m >= 0 {
            out.append(Int(m))
            m = next[Int(m)]
        }
    }

    /// Every group as a list (empty lists for empty groups): for the String comparisons of
    /// documents with non-ASCII names, which work on lists.
    var lists: [[Int]] {
        var out: [[Int]] = []
        out.reserveCapacity(count)
        var members: [Int] = []
        for g in 0..<count {
            self.members(g, into: &members)
            out.append(members)
        }
        return out
    }
}
