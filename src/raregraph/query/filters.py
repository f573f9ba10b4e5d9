"""Edge filters: which statements a query counts (frequency, source, who asserted it).

The query methods of :class:`~raregraph.graph.KnowledgeGraph` take these filters as
keywords (``min_percentage=50``, ``source="infores:hpo-annotations"``,
``curated_only=True``, ...) and build one :class:`EdgeFilter` from them.

* ``min_percentage``: the share of cases must be at least this. An edge with a stated
  percentage (or an ``n/m`` ratio) uses it; an edge with only an HPO frequency term uses
  the middle of the term's range (:data:`FREQUENCY_PERCENT`); an edge without any
  frequency never passes.
* ``source``: some evidence comes from this knowledge source (``infores:...``) or this
  document (its node id).
* ``agent_type``: some evidence was asserted by this kind of agent.
* ``curated_only`` / ``text_mined_only``: shorthands for ``agent_type`` =
  ``manual_agent`` / ``text_mining_agent``.

Examples
--------
>>> from raregraph.model import Edge, Predicate, Qualifiers
>>> f = EdgeFilter(min_percentage=50)
>>> f(Edge("ORPHA:1", Predicate.HAS_PHENOTYPE, "HP:1", Qualifiers(frequency="HP:0040281")))
True
>>> f(Edge("ORPHA:1", Predicate.HAS_PHENOTYPE, "HP:1", Qualifiers(percentage=20.0)))
False
>>> EdgeFilter().is_trivial()
True

"""

from __future__ import annotations

from dataclasses import dataclass

from raregraph.errors import QueryError
from raregraph.model import AgentType, Edge

__all__ = ["FREQUENCY_PERCENT", "EdgeFilter", "edge_percentage"]

#: HPO frequency terms -> the middle of the percentage range HPO gives them.
FREQUENCY_PERCENT = {
    "HP:0040280": 100.0,  # Obligate: 100%
    "HP:0040281": 89.5,  # Very frequent: 80-99%
    "HP:0040282": 54.5,  # Frequent: 30-79%
    "HP:0040283": 17.0,  # Occasional: 5-29%
    "HP:0040284": 2.5,  # Very rare: 1-4%
    "HP:0040285": 0.0,  # Excluded: 0%
}


def edge_percentage(edge: Edge) -> float | None:
    """Return the share of cases an edge states, in percent, or ``None``.

    >>> from raregraph.model import Predicate, Qualifiers
    >>> three_in_four = Qualifiers(frequency="3/4")
    >>> edge_percentage(Edge("ORPHA:1", Predicate.HAS_PHENOTYPE, "HP:1", three_in_four))
    75.0
    """
    q = edge.qualifiers
    if q.percentage is not None:
        return q.percentage
    if q.frequency is None:
        return None
    if q.frequency in FREQUENCY_PERCENT:
        return FREQUENCY_PERCENT[q.frequency]
    count, slash, total = q.frequency.partition("/")
    if slash and count.isdigit() and total.isdigit() and int(total) > 0:
        return 100.0 * int(count) / int(total)
    return None


@dataclass(frozen=True)
class EdgeFilter:
    """A test on edges built from the query keywords; call it on an :class:`Edge`."""

    min_percentage: float | None = None
    source: str | None = None
    agent_type: AgentType | None = None
    include_negated: bool = False

    @classmethod
    def from_keywords(
        cls,
        *,
        min_percentage: float | None = None,
        source: str | None = None,
        agent_type: AgentType | str | None = None,
        curated_only: bool = False,
        text_mined_only: bool = False,
        include_negated: bool = False,
    ) -> EdgeFilter:
        """Build a filter from the keywords of the query methods; check they agree.

        >>> EdgeFilter.from_keywords(curated_only=True).agent_type
        <AgentType.MANUAL_AGENT: 'manual_agent'>
        >>> EdgeFilter.from_keywords(curated_only=True, text_mined_only=True)
        Traceback (most recent call last):
        raregraph.errors.QueryError: choose at most one of agent_type, curated_only, text_mined_only
        """
        chosen = [agent_type is not None, curated_only, text_mined_only]
        if sum(chosen) > 1:
            raise QueryError("choose at most one of agent_type, curated_only, text_mined_only")
        agent: AgentType | None = None
        if agent_type is not None:
            try:
                agent = AgentType(agent_type)
            except ValueError:
                options = ", ".join(a.value for a in AgentType)
                raise QueryError(
                    f"unknown agent type {agent_type!r}; use one of {options}"
                ) from None
        elif curated_only:
            agent = AgentType.MANUAL_AGENT
        elif text_mined_only:
            agent = AgentType.TEXT_MINING_AGENT
        if min_percentage is not None and not 0 <= min_percentage <= 100:
            raise QueryError(f"min_percentage must be within 0..100, got {min_percentage}")
        return cls(min_percentage, source, agent, include_negated)

    def is_trivial(self) -> bool:
        """Tell whether the filter only drops negated edges (the default)."""
        return self.min_percentage is None and self.source is None and self.agent_type is None

    def __call__(self, edge: Edge) -> bool:
        """Tell whether ``edge`` passes the filter."""
        if edge.negated and not self.include_negated:
            return False
        if self.min_percentage is not None:
            share = edge_percentage(edge)
            if share is None or share < self.min_percentage:
                return False
        if self.source is not None and not any(
            self.source in (ev.knowledge_source, ev.source) for ev in edge.evidence
        ):
            return False
        return self.agent_type is None or any(
            ev.agent_type is self.agent_type for ev in edge.evidence
        )
