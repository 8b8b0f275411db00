package org.tremplin.web.page;

/**
 * A link of a page's navigation ({@code page/nav.jte}): its address, its text, and whether it is
 * the page shown ({@code aria-current="page"}).
 *
 * @param href the address, with the session token
 * @param label the text
 * @param current whether it leads to the page shown
 */
public record NavLink(String href, String label, boolean current) {}
