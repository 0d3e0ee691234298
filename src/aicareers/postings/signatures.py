"""How a job posting names each of the 20 careers: reviewed phrase lists, ours.

Postings rarely use the guide's titles ("Prompt Engineer" yes, "AI Transparency Analyst"
almost never), so each career lists three kinds of phrase, all matched as whole lower-case
words after "&" is read as "and" and "A.I." as "ai":

- ``own``: names the career in a title by itself ("mlops engineer", "prompt engineer").
- ``with_ai``: names it only beside an AI term ("product manager" + "AI/ML"), in the title
  (as strong as ``own``) or else in the description (weaker).
- ``text``: in a description, repeated, points to the career even under a generic title
  ("Machine Learning Engineer" whose description keeps saying "recommendation systems").

Chosen by reading the titles in the development postings and the careers' duties; a phrase
goes in only where most postings using it would be that career. Keep each list short.
"""

from __future__ import annotations

from typing import NamedTuple


class Signature(NamedTuple):
    """The phrases that point a posting to one career."""

    own: tuple[str, ...] = ()
    with_ai: tuple[str, ...] = ()
    text: tuple[str, ...] = ()


# Words that make a role an AI role. "ml" counts in titles only: in a description it is also
# millilitres (laboratory postings).
AI_TITLE_TERMS = (
    "ai", "ml", "artificial intelligence", "machine learning", "deep learning", "genai",
    "gen ai", "generative ai", "generative", "llm", "llms", "large language model",
    "large language models", "nlp", "neural", "ai ml",
)  # fmt: skip
AI_TEXT_TERMS = tuple(t for t in AI_TITLE_TERMS if t != "ml")

# A generic title may be read from its description only if it is a technical role.
TECH_TITLE_WORDS = (
    "engineer", "scientist", "developer", "researcher", "architect", "analyst", "programmer",
    "specialist", "lead",
)  # fmt: skip

# fmt: off
SIGNATURES: dict[str, Signature] = {
    "prompt-engineer": Signature(
        own=("prompt engineer", "prompt engineering", "prompt designer", "prompt writer"),
        text=("prompt engineering", "prompt design"),
    ),
    "ai-ethics-officer": Signature(
        own=("ai ethics", "ai ethicist", "responsible ai", "ethical ai", "ethics officer"),
        with_ai=("ethics", "ethicist"),
        text=("responsible ai", "ai ethics", "ethical ai"),
    ),
    "synthetic-data-scientist": Signature(
        own=("synthetic data",),
        text=("synthetic data", "data synthesis", "differential privacy"),
    ),
    "ai-training-data-curator": Signature(
        own=("data annotator", "data annotation", "data labeler", "data labeling",
             "data labelling", "annotation specialist", "annotation analyst",
             "training data", "data curator", "data curation", "ai trainer", "ai data trainer"),
        with_ai=("annotator", "annotation", "labeling", "rater", "data specialist"),
        text=("data annotation", "data labeling", "data labelling", "training data",
              "annotation guidelines", "annotators"),
    ),
    "conversational-ai-designer": Signature(
        own=("conversational ai", "conversation designer", "conversational designer",
             "conversation design", "chatbot", "chatbots", "conversational ux",
             "dialogue designer", "dialog designer", "voice ux", "voice assistant"),
        with_ai=("conversational", "virtual assistant", "voice designer"),
        text=("conversational ai", "chatbot", "chatbots", "dialogue systems", "dialog systems",
              "conversation design", "virtual assistants"),
    ),
    "mlops-engineer": Signature(
        own=("mlops", "ml ops", "llmops", "machine learning operations", "ml platform",
             "machine learning platform", "ml infrastructure", "machine learning infrastructure",
             "ai infrastructure", "ai platform", "model deployment", "ml deployment"),
        with_ai=("platform engineer", "infrastructure engineer", "devops", "deployment"),
        text=("mlops", "ml ops", "llmops", "model deployment", "model serving",
              "model monitoring", "kubeflow", "mlflow", "feature store"),
    ),
    "ai-product-manager": Signature(
        own=("ai product manager", "ai product owner", "ai product lead", "ml product manager",
             "ai pm"),
        with_ai=("product manager", "product owner", "product lead", "product management",
                 "group product manager", "technical product manager"),
    ),
    "ai-transparency-analyst": Signature(
        own=("explainable ai", "ai transparency", "model transparency", "explainability",
             "interpretability", "xai"),
        with_ai=("transparency", "explainability analyst", "model explainability"),
        text=("explainability", "interpretability", "explainable ai", "model transparency",
              "shap", "model cards"),
    ),
    "generative-ai-content-strategist": Signature(
        own=("ai content strategist", "ai content", "generative ai content", "ai writer",
             "ai content writer", "ai copywriter"),
        with_ai=("content strategist", "content strategy", "content creator", "content writer",
                 "copywriter", "content marketing", "content designer", "content lead"),
    ),
    "ai-safety-researcher": Signature(
        own=("ai safety", "alignment researcher", "alignment scientist", "ai alignment",
             "alignment research", "model safety", "llm safety", "frontier red team"),
        with_ai=("safety researcher", "safety research", "red team", "red teaming",
                 "alignment", "safety scientist", "safety engineer"),
        text=("ai safety", "red teaming", "ai alignment", "model safety"),
    ),
    "neural-network-architect": Signature(
        own=("neural network", "neural networks", "deep learning architect", "ai architect",
             "ml architect", "machine learning architect", "model architect",
             "deep learning engineer", "deep learning scientist", "deep learning researcher"),
        with_ai=("architect",),
        text=("neural architecture search", "model architecture", "model architectures",
              "network architectures"),
    ),
    "ai-assisted-healthcare-coordinator": Signature(
        own=("ai healthcare coordinator", "ai care coordinator"),
        with_ai=("care coordinator", "healthcare coordinator", "patient coordinator",
                 "clinical coordinator", "health coordinator", "nurse navigator",
                 "patient navigator", "clinical informatics", "nurse informaticist"),
    ),
    "deepfake-detection-specialist": Signature(
        own=("deepfake", "deepfakes", "deep fake", "media forensics", "synthetic media",
             "manipulated media"),
        with_ai=("forensics", "forensic", "media integrity", "content authenticity"),
        text=("deepfake", "deepfakes", "deep fakes", "media forensics", "synthetic media",
              "manipulated media", "liveness detection"),
    ),
    "ai-compliance-manager": Signature(
        own=("ai compliance", "ai governance", "ai risk", "ai regulatory", "ai policy",
             "model governance", "model risk"),
        with_ai=("compliance", "governance", "regulatory", "risk manager", "audit"),
        text=("ai governance", "eu ai act", "ai act", "model risk management", "ai regulation",
              "model governance"),
    ),
    "personalization-engineer": Signature(
        own=("personalization", "personalisation", "recommendation", "recommendations",
             "recommender", "recommender systems", "recommendation systems", "recsys"),
        with_ai=("ranking", "search relevance", "relevance"),
        text=("recommendation systems", "recommendation system", "recommender systems",
              "recommender system", "personalization", "personalisation",
              "collaborative filtering", "recsys"),
    ),
    "ai-human-interaction-designer": Signature(
        own=("human ai interaction", "human ai", "ai interaction designer", "ai ux",
             "human computer interaction", "hci researcher", "hci designer"),
        with_ai=("ux designer", "ux researcher", "ui ux", "ux ui", "interaction designer",
                 "product designer", "user experience", "ux design", "ux research",
                 "human factors", "hci"),
    ),
    "autonomous-systems-operator": Signature(
        own=("autonomous vehicle operator", "av operator", "drone operator", "drone pilot",
             "uav operator", "uas operator", "uav pilot", "robot operator", "robotics operator",
             "teleoperator", "remote operator", "safety driver", "autonomous systems operator"),
        with_ai=("vehicle operator", "fleet operator", "test driver", "operator"),
    ),
    "ai-content-moderator": Signature(
        own=("content moderator", "content moderation", "trust and safety", "content reviewer",
             "content review"),
        with_ai=("moderator", "moderation", "content policy", "policy enforcement"),
        text=("content moderation", "trust and safety", "harmful content"),
    ),
    "quantum-machine-learning-researcher": Signature(
        own=("quantum machine learning", "quantum ml", "qml", "quantum ai", "quantum computing",
             "quantum algorithm", "quantum algorithms", "quantum software", "quantum research",
             "quantum researcher", "quantum scientist", "quantum engineer"),
        text=("quantum machine learning", "quantum computing", "quantum algorithms", "qiskit",
              "pennylane", "cirq"),
    ),
    "ai-sustainability-specialist": Signature(
        own=("green ai", "sustainable ai", "ai sustainability", "ai for climate",
             "climate ai", "ai energy efficiency"),
        with_ai=("sustainability", "climate", "esg", "carbon", "energy efficiency"),
        text=("green ai", "carbon footprint", "energy efficiency", "carbon emissions"),
    ),
}
# fmt: on
