/// A corpus entity with the field values linking gives its mentions (`name`, `entity_id`), made
/// once per name of a run and shared: a class, so that each document's and each mention's copy
/// is one reference rather than five Strings to retain and release.
final class LinkedEntity: Sendable {
    let entity: CorpusEntity
    let name: Value
    let id: Value

    init(_ entity: CorpusEntity) {
        self.entity = entity
        name = .string(entity.name)
        id = .string(entity.id)
    }
}
