"""Graph: turn extraction records into an RDF knowledge graph (see the knowledge-graph issue)."""
