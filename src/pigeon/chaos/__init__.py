"""``pigeon chaos``: real clients against a local cluster while a nemesis injects faults on a
seeded schedule, then the checker (issue 12, item 2; docs/DECISIONS.md D52).

- :mod:`~pigeon.chaos.schedule`: the seeded fault schedule, a pure function of the seed.
- :mod:`~pigeon.chaos.nemesis`: the fault kinds, each a small plug-in acting on the
  :class:`~pigeon.cluster.LocalCluster`'s processes; a kind the cluster cannot take is skipped.
- :mod:`~pigeon.chaos.workload`: SDK clients sending in 1:1 and group conversations, recording
  every send, ack and delivery to the history (:class:`~pigeon.simulation.history.Record`).
- :mod:`~pigeon.chaos.run`: one run: cluster, workload, nemesis, heal, final drain, checker
  (:func:`pigeon.simulation.history.check`, the simulation's), figures.
- :mod:`~pigeon.chaos.report`: the JSON document and the timeline plot.
"""
