package io.drizzlemigrator.internal.sql;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;
import java.util.NoSuchElementException;
import java.util.RandomAccess;
import java.util.Spliterator;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The tokens of one statement cut by {@link SqlLexer#split}, made when first asked for, and only as far as asked
 * for: {@code split} itself makes no {@link Token}, and looking at a statement's first tokens (to classify it, to
 * skip its leading comments) scans only those. The statement's text is scanned again from where it starts in the
 * input, with the scanner state {@code split} had there (none: a statement starts at the start of the input or just
 * after a {@code ;}), so the tokens are those {@code tokenize} gives for that stretch of the input: same types,
 * texts, offsets, lines and columns. Unmodifiable, and once complete it answers as the list {@link List#copyOf}
 * would have (which is what statements held before their tokens became lazy).
 *
 * <p>Safe to share between threads: tokens are made under the list's lock, and published (the array holding them,
 * then how many there are; at the end, the complete list) through volatile fields, which readers read without
 * locking.
 */
final class StatementTokens extends AbstractList<Token> implements RandomAccess {

    private final String text;
    private final int base;
    private final int line;
    private final int column;
    private final boolean bomAtStart;

    /** Every token, once the text has been scanned to its end. */
    private volatile List<Token> complete;
    /** Before that: the tokens made so far are the first {@link #made} of this array. */
    private volatile Token[] tokens;
    private volatile int made;
    /** Guarded by this. */
    private SqlScanner scanner;

    /**
     * The tokens of {@code text}, found at offset {@code base} of the lexer's input, at line {@code line}, column
     * {@code column}; {@code bomAtStart} as for {@link SqlScanner}. The text must lex without error (it did in
     * {@code split}).
     */
    StatementTokens(String text, int base, int line, int column, boolean bomAtStart) {
        this.text = text;
        this.base = base;
        this.line = line;
        this.column = column;
        this.bomAtStart = bomAtStart;
    }

    /** The token at {@code index}, or null if there are not that many: scans no further than that token. */
    Token tokenOrNull(int index) {
        List<Token> all = complete;
        if (all == null && index < made) {
            Token[] t = tokens;
            if (t != null) {
                return t[index];
            }
            all = complete; // completed meanwhile
        }
        if (all != null) {
            return index < all.size() ? all.get(index) : null;
        }
        return scanTo(index);
    }

    /** The list of every token (scanning what is left). */
    private List<Token> all() {
        List<Token> all = complete;
        if (all == null) {
            scanTo(Integer.MAX_VALUE);
            all = complete;
        }
        return all;
    }

    /** Makes tokens up to the one at {@code index}, or to the end; that token, or null if there are fewer. */
    private synchronized Token scanTo(int index) {
        List<Token> all = complete;
        if (all != null) { // completed by another thread
            return index < all.size() ? all.get(index) : null;
        }
        int count = made;
        Token[] t = tokens;
        if (scanner == null) {
            scanner = new SqlScanner(text, base, line, column, bomAtStart);
            t = new Token[8];
        }
        while (count <= index) {
            Token next = scanner.next();
            if (next == null) {
                complete = List.of(Arrays.copyOf(t, count));
                scanner = null;
                tokens = null;
                return null;
            }
            if (count == t.length) {
                t = Arrays.copyOf(t, count * 2);
            }
            t[count++] = next; // past what readers may read until made says so
        }
        tokens = t;
        made = count;
        return t[index];
    }

    // ---- what may be answered from the first tokens

    @Override
    public Token get(int index) {
        Token t = index < 0 ? null : tokenOrNull(index);
        if (t == null) {
            return all().get(index); // throws as List.copyOf's list does
        }
        return t;
    }

    @Override
    public boolean isEmpty() {
        return tokenOrNull(0) == null;
    }

    @Override
    public Iterator<Token> iterator() {
        return new Iterator<>() {
            private int next;
            /** The token at {@link #next}, once hasNext() has looked for it. */
            private Token ahead;

            @Override
            public boolean hasNext() {
                if (ahead == null) {
                    ahead = tokenOrNull(next);
                }
                return ahead != null;
            }

            @Override
            public Token next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Token t = ahead;
                ahead = null;
                next++;
                return t;
            }
        };
    }

    // ---- everything else, from the complete list

    @Override
    public int size() {
        return all().size();
    }

    @Override
    public boolean contains(Object o) {
        return all().contains(o);
    }

    @Override
    public boolean containsAll(Collection<?> c) {
        return all().containsAll(c);
    }

    @Override
    public int indexOf(Object o) {
        return all().indexOf(o);
    }

    @Override
    public int lastIndexOf(Object o) {
        return all().lastIndexOf(o);
    }

    @Override
    public Object[] toArray() {
        return all().toArray();
    }

    @Override
    public <T> T[] toArray(T[] a) {
        return all().toArray(a);
    }

    @Override
    public ListIterator<Token> listIterator() {
        return all().listIterator();
    }

    @Override
    public ListIterator<Token> listIterator(int index) {
        return all().listIterator(index);
    }

    @Override
    public List<Token> subList(int fromIndex, int toIndex) {
        return all().subList(fromIndex, toIndex);
    }

    @Override
    public Spliterator<Token> spliterator() {
        return all().spliterator();
    }

    @Override
    public void forEach(Consumer<? super Token> action) {
        all().forEach(action);
    }

    @Override
    public boolean equals(Object o) {
        return o == this || all().equals(o);
    }

    @Override
    public int hashCode() {
        return all().hashCode();
    }

    @Override
    public String toString() {
        return all().toString();
    }

    // ---- unmodifiable, as List.copyOf's list

    @Override
    public boolean removeIf(Predicate<? super Token> filter) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void replaceAll(UnaryOperator<Token> operator) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void sort(Comparator<? super Token> c) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void clear() {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean addAll(Collection<? extends Token> c) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean addAll(int index, Collection<? extends Token> c) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean removeAll(Collection<?> c) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean retainAll(Collection<?> c) {
        throw new UnsupportedOperationException();
    }

    @Override
    protected void removeRange(int fromIndex, int toIndex) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean add(Token t) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void add(int index, Token element) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Token remove(int index) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean remove(Object o) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Token set(int index, Token element) {
        throw new UnsupportedOperationException();
    }
}
