package org.vigie.notifier.message;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules' texts of the alerts of one message, with what several of them end alike said once. Each rule's text
 * tells what happened, then the next steps and a caution, often the same words for every alert (the steps before a
 * rejection, those after a refusal, the caution that ends every text): in a message about several alerts they
 * would come back for each one. Each text keeps its first sentence and whatever is its own; the end it shares
 * with other alerts of the message (whole sentences, identical) becomes a lettered block printed once after the
 * alerts, which the alert names ("see A and B"). Only the end of a text is taken: what happened stays with its
 * alert even when two alerts happen to say it in the same words.
 */
final class SharedSentences {
  /** Where a sentence ends: . ! ? (and a closing quote or parenthesis), then a space and a capital. */
  private static final Pattern BOUNDARY = Pattern.compile("(?<=[.!?][»\")]?)\\s+(?=[\\p{Lu}«\"])");

  /** A block said once: its letter, its text, in the order the alerts' texts give them. */
  record Block(String label, String text) {}

  /**
   * @param heads each text without its shared end, in the order given
   * @param labels for each text, the letters of the blocks its end went to, in its order (empty: the text is whole)
   * @param blocks the shared ends, in reading order
   */
  record Split(List<String> heads, List<List<String>> labels, List<Block> blocks) {}

  private SharedSentences() {}

  /** The texts of one message's alerts, with the ends they share taken out as blocks. */
  static Split of(List<String> texts) {
    int n = texts.size();
    List<List<int[]>> spans = new ArrayList<>(n);
    List<List<String>> sentences = new ArrayList<>(n);
    for (String t : texts) {
      List<int[]> s = sentences(t);
      spans.add(s);
      List<String> words = new ArrayList<>(s.size());
      s.forEach(span -> words.add(t.substring(span[0], span[1])));
      sentences.add(words);
    }
    // each text's end made of sentences some other text's end holds too; never its first sentence
    int[] from = new int[n];
    for (int i = 0; i < n; i++) {
      from[i] = Math.min(1, sentences.get(i).size());
    }
    boolean changed = true;
    while (changed) {
      Map<String, Integer> holders = holders(sentences, from);
      changed = false;
      for (int i = 0; i < n; i++) {
        List<String> s = sentences.get(i);
        int start = s.size();
        while (start > from[i] && holders.getOrDefault(s.get(start - 1), 0) >= 2) {
          start--;
        }
        if (start != from[i]) {
          from[i] = start;
          changed = true;
        }
      }
    }
    // the texts holding each shared sentence; consecutive sentences held by the same texts make one block
    Map<String, Set<Integer>> heldBy = new HashMap<>();
    for (int i = 0; i < n; i++) {
      for (String s : sentences.get(i).subList(from[i], sentences.get(i).size())) {
        heldBy.computeIfAbsent(s, k -> new HashSet<>()).add(i);
      }
    }
    Map<String, Integer> firstSeen = new LinkedHashMap<>();
    List<List<String>> runsOf = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      List<String> runs = new ArrayList<>();
      List<String> s = sentences.get(i);
      String text = texts.get(i);
      int k = from[i];
      while (k < s.size()) {
        int end = k + 1;
        while (end < s.size() && heldBy.get(s.get(end)).equals(heldBy.get(s.get(k)))) {
          end++;
        }
        String run = text.substring(spans.get(i).get(k)[0], spans.get(i).get(end - 1)[1]);
        runs.add(run);
        firstSeen.putIfAbsent(run, firstSeen.size());
        k = end;
      }
      runsOf.add(runs);
    }
    List<String> order = readingOrder(runsOf, firstSeen);
    Map<String, String> letter = new HashMap<>();
    List<Block> blocks = new ArrayList<>();
    for (String run : order) {
      String label = label(blocks.size());
      letter.put(run, label);
      blocks.add(new Block(label, run));
    }
    List<String> heads = new ArrayList<>(n);
    List<List<String>> labels = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String text = texts.get(i);
      heads.add(from[i] >= sentences.get(i).size() ? text : text.substring(0, spans.get(i).get(from[i])[0]).stripTrailing());
      labels.add(runsOf.get(i).stream().map(letter::get).distinct().toList());
    }
    return new Split(heads, labels, blocks);
  }

  /** How many texts hold each sentence in their end (from {@code from[i]}), each text counted once. */
  private static Map<String, Integer> holders(List<List<String>> sentences, int[] from) {
    Map<String, Integer> count = new HashMap<>();
    for (int i = 0; i < sentences.size(); i++) {
      List<String> s = sentences.get(i);
      for (String sentence : new HashSet<>(s.subList(Math.min(from[i], s.size()), s.size()))) {
        count.merge(sentence, 1, Integer::sum);
      }
    }
    return count;
  }

  /**
   * The blocks in an order each text's end reads in (a refusal's date before the steps that follow it, the caution
   * last), the first seen first where the texts leave it open.
   */
  private static List<String> readingOrder(List<List<String>> runsOf, Map<String, Integer> firstSeen) {
    Map<String, Set<String>> after = new HashMap<>();
    Map<String, Integer> before = new HashMap<>();
    firstSeen.keySet().forEach(r -> before.put(r, 0));
    for (List<String> runs : runsOf) {
      for (int k = 1; k < runs.size(); k++) {
        if (after.computeIfAbsent(runs.get(k - 1), x -> new HashSet<>()).add(runs.get(k))) {
          before.merge(runs.get(k), 1, Integer::sum);
        }
      }
    }
    List<String> order = new ArrayList<>();
    Set<String> left = new LinkedHashSet<>(firstSeen.keySet());
    while (!left.isEmpty()) {
      // the first seen of those nothing is left before; the first seen of all if the texts disagree
      String next = left.stream().filter(r -> before.get(r) == 0).findFirst().orElse(left.iterator().next());
      left.remove(next);
      order.add(next);
      for (String later : after.getOrDefault(next, Set.of())) {
        before.merge(later, -1, Integer::sum);
      }
    }
    return order;
  }

  /** A, B, … Z, then AA, AB, … */
  static String label(int index) {
    return index < 26 ? String.valueOf((char) ('A' + index)) : label(index / 26 - 1) + label(index % 26);
  }

  /** The sentences of a text, as spans of it. */
  private static List<int[]> sentences(String text) {
    List<int[]> out = new ArrayList<>();
    Matcher m = BOUNDARY.matcher(text);
    int start = 0;
    while (m.find()) {
      out.add(new int[] {start, m.start()});
      start = m.end();
    }
    if (start < text.length()) {
      out.add(new int[] {start, text.length()});
    }
    return out;
  }
}
