import { featureWords, fold, matchStems, symptomWords } from './lexicon.ts';

export interface TopicFacts {
  chains: string[];
  features: string[];
  symptoms: string[];
  category: string | null;
  appVersion: string | null;
}

/** The features and symptoms a post names (en/es/pt word lists). */
export function findSignals(text: string): { features: string[]; symptoms: string[] } {
  const folded = fold(text);
  return { features: matchStems(folded, featureWords), symptoms: matchStems(folded, symptomWords) };
}

/**
 * The topics a post counts towards: every combination of a chain and/or a feature with a symptom
 * ("solana+swap+failed", "solana+failed", "swap+failed"), the triage category ("category:tx_failed")
 * and the app version with a symptom ("app:7.2.1+crash"). Complaints only: a topic needs a symptom
 * or a problem category.
 */
export function topicsOf(facts: TopicFacts): string[] {
  const out = new Set<string>();
  const chains = facts.chains.slice(0, 3);
  const features = facts.features.slice(0, 3);
  for (const s of facts.symptoms.slice(0, 3)) {
    for (const c of chains) {
      out.add(`${c}+${s}`);
      for (const f of features) out.add(`${c}+${f}+${s}`);
    }
    for (const f of features) out.add(`${f}+${s}`);
    if (facts.appVersion) out.add(`app:${facts.appVersion}+${s}`);
  }
  if (facts.category && facts.category !== 'feature_request_or_other') out.add(`category:${facts.category}`);
  return [...out].sort();
}

/** The parts of a topic key: chains, features, symptoms, category, app version. */
export function topicParts(topic: string, knownChains?: ReadonlySet<string>): { chain?: string; feature?: string; symptom?: string; category?: string; appVersion?: string } {
  if (topic.startsWith('category:')) return { category: topic.slice('category:'.length) };
  const parts = topic.split('+');
  const out: { chain?: string; feature?: string; symptom?: string; appVersion?: string } = {};
  for (const p of parts) {
    if (p.startsWith('app:')) out.appVersion = p.slice(4);
    else if (p in symptomWords) out.symptom = p;
    else if (p in featureWords && !(knownChains?.has(p) ?? false)) out.feature = p;
    else out.chain = p;
  }
  return out;
}
