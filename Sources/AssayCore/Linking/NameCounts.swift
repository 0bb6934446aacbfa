/// Counts by name (a bearer's titles and neighbours in the names table): a dictionary when the
/// table is made from statistics, arrays sorted by name (looked up by binary search) when it is
/// read from a file.
///
/// A names table holds a few thousand of these, most with a handful of names and none with more
/// than ``CorpusNamesBuilder/neighbourLimit``. Read into dictionaries they were most of what
/// reading a table cost (each name hashed on the way in, each dictionary allocated and grown)
/// for the few that a lone name's resolution ever asks about; a table writes its names sorted,
/// so reading them is appending. Made from statistics, sorting them instead would cost more
/// than the dictionary.
struct NameCounts: Sendable, Encodable {
    private enum Storage: Sendable {
        case table([String: Int])
        /// Names in increasing order (`<`), each once, and the count of each.
        case sorted([String], [Int])
    }

    private let storage: Storage

    init(_ counts: [String: Int] = [:]) { storage = .table(counts) }

    /// Counts read in the table's order: kept as they are when sorted, else in a dictionary (a
    /// repeated name keeps its last count, as JSON readers do).
    init(reading pairs: [(String, Int)]) {
        if zip(pairs, pairs.dropFirst()).allSatisfy({ $0.0 < $1.0 }) {
            storage = .sorted(pairs.map(\.0), pairs.map(\.1))
        } else {
            var table: [String: Int] = [:]
            for (name, count) in pairs { table[name] = count }
            storage = .table(table)
        }
    }

    /// The count of `name`, nil when it has none.
    subscript(name: String) -> Int? {
        switch storage {
        case .table(let table):
            return table[name]
        case .sorted(let names, let counts):
            var low = 0, high = names.count
            while low < high {
                let mid = (low + high) / 2
                if names[mid] < name { low = mid + 1 } else { high = mid }
            }
            return low < names.count && names[low] == name ? counts[low] : nil
        }
    }

    /// As the JSON object of its names and counts.
    func encode(to encoder: any Encoder) throws {
        switch storage {
        case .table(let table): try table.encode(to: encoder)
        case .sorted(let names, let counts):
            try Dictionary(uniqueKeysWithValues: zip(names, counts)).encode(to: encoder)
        }
    }
}
