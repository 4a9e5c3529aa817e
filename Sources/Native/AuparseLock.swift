import Synchronization

/// libauparse keeps process-wide state (its interpretation caches among it), so two parsers on two
/// threads corrupt each other even with separate handles. Every call into it holds this lock.
let auparseLock = Mutex(())
