
extension Alert {
    /// The report that alerts did not fit in a sink's queue. Its id derives from the sink and the
    /// first alert that did not fit.
    public static func queueFull(_ drops: SinkDispatcher.Drops, capacity: Int) -> Alert {
        Alert(id: AlertID.queueFull(sink: drops.sink, from: drops.firstAlertID), time: drops.firstAlertTime,
              severity: .high,
              title: "\(drops.count) alerts did not fit in the queue of \(drops.sink) (\(capacity) waiting); "
                  + "they are retried with the failed deliveries",
              rule: "sink-queue", kind: "sink-queue-full", node: nil, sourceVM: nil, sourceUUID: nil, targetVM: nil,
              targetUUID: nil, scontext: nil, tcontext: nil, tclass: nil, perms: [], permissive: nil, pid: nil, exe: nil,
              path: nil, count: drops.count, evidence: "", hint: "A sink that keeps up with fewer alerts than arrive: check it, or narrow the rules.")
    }
}
