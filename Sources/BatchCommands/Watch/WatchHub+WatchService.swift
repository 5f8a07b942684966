import BatchCore

/// BatchCore's `WatchHub` is the command layer's watch service: every front end shares one hub per session.
extension WatchHub: WatchService {}
