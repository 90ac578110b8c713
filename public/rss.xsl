<?xml version="1.0" encoding="UTF-8"?>
<!-- Shows an RSS feed to a person who opens it in a browser; feed readers ignore this file. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <xsl:output method="html" encoding="UTF-8" indent="yes" doctype-system="about:legacy-compat"/>
  <xsl:template match="/">
    <html lang="fr">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>Flux RSS — <xsl:value-of select="/rss/channel/title"/></title>
        <link rel="stylesheet" href="/rss.css"/>
      </head>
      <body>
        <main>
          <p class="badge">Flux RSS</p>
          <h1><xsl:value-of select="/rss/channel/title"/></h1>
          <p><xsl:value-of select="/rss/channel/description"/></p>
          <section class="help" aria-labelledby="quoi">
            <h2 id="quoi">Qu’est-ce qu’un flux RSS&#8239;?</h2>
            <p>
              Vous lisez un flux RSS&#160;: une adresse qu’un lecteur de flux consulte pour vous et qui vous
              présente chaque nouvel article de Digimedia dès sa parution, sans inscription ni algorithme.
            </p>
            <h2>Comment s’abonner&#8239;?</h2>
            <ol>
              <li>Copiez l’adresse de cette page&#160;: <code><xsl:value-of select="/rss/channel/atom:link[@rel='self']/@href"/></code></li>
              <li>Collez-la dans votre lecteur de flux (Feedly, Inoreader, NetNewsWire, Thunderbird…), à l’endroit prévu pour ajouter un abonnement.</li>
            </ol>
            <p><a href="{/rss/channel/link}">Retour au site</a></p>
          </section>
          <h2>Derniers articles</h2>
          <xsl:choose>
            <xsl:when test="/rss/channel/item">
              <ul class="items">
                <xsl:for-each select="/rss/channel/item">
                  <li>
                    <h3><a href="{link}"><xsl:value-of select="title"/></a></h3>
                    <p class="meta"><xsl:value-of select="category[1]"/> · <xsl:call-template name="date-fr"><xsl:with-param name="rfc822" select="pubDate"/></xsl:call-template></p>
                    <p><xsl:call-template name="html-text"><xsl:with-param name="html" select="description"/></xsl:call-template></p>
                  </li>
                </xsl:for-each>
              </ul>
            </xsl:when>
            <!-- An empty feed (a category without articles) says so under its heading, in the site's words for an empty list. -->
            <xsl:when test="contains(/rss/channel/atom:link[@rel='self']/@href, '/categorie/')">
              <p>Aucun article dans cette rubrique pour le moment.</p>
            </xsl:when>
            <xsl:otherwise>
              <p>Aucun article publié pour le moment.</p>
            </xsl:otherwise>
          </xsl:choose>
        </main>
      </body>
    </html>
  </xsl:template>

  <!-- An item's description is HTML written as text (RSS): its text, as a reader shows it ("R&amp;D" → "R&D"). -->
  <xsl:template name="html-text">
    <xsl:param name="html"/>
    <xsl:variable name="lt"><xsl:call-template name="replace"><xsl:with-param name="text" select="$html"/><xsl:with-param name="from" select="'&amp;lt;'"/><xsl:with-param name="to" select="'&lt;'"/></xsl:call-template></xsl:variable>
    <xsl:variable name="gt"><xsl:call-template name="replace"><xsl:with-param name="text" select="$lt"/><xsl:with-param name="from" select="'&amp;gt;'"/><xsl:with-param name="to" select="'&gt;'"/></xsl:call-template></xsl:variable>
    <xsl:variable name="quot"><xsl:call-template name="replace"><xsl:with-param name="text" select="$gt"/><xsl:with-param name="from" select="'&amp;quot;'"/><xsl:with-param name="to" select="'&quot;'"/></xsl:call-template></xsl:variable>
    <xsl:variable name="apos"><xsl:call-template name="replace"><xsl:with-param name="text" select="$quot"/><xsl:with-param name="from" select="'&amp;apos;'"/><xsl:with-param name="to" select="&quot;&apos;&quot;"/></xsl:call-template></xsl:variable>
    <xsl:call-template name="replace"><xsl:with-param name="text" select="$apos"/><xsl:with-param name="from" select="'&amp;amp;'"/><xsl:with-param name="to" select="'&amp;'"/></xsl:call-template>
  </xsl:template>

  <xsl:template name="replace">
    <xsl:param name="text"/>
    <xsl:param name="from"/>
    <xsl:param name="to"/>
    <xsl:choose>
      <xsl:when test="contains($text, $from)">
        <xsl:value-of select="substring-before($text, $from)"/>
        <xsl:value-of select="$to"/>
        <xsl:call-template name="replace"><xsl:with-param name="text" select="substring-after($text, $from)"/><xsl:with-param name="from" select="$from"/><xsl:with-param name="to" select="$to"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$text"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- "Mon, 12 Oct 2020 00:00:00 +0200" (Paris time, see rfc822 in src/lib/dates.ts) → "12 octobre 2020", "1er octobre 2020". -->
  <xsl:template name="date-fr">
    <xsl:param name="rfc822"/>
    <xsl:variable name="day" select="number(substring($rfc822, 6, 2))"/>
    <xsl:variable name="months" select="'Jan:janvier Feb:février Mar:mars Apr:avril May:mai Jun:juin Jul:juillet Aug:août Sep:septembre Oct:octobre Nov:novembre Dec:décembre '"/>
    <xsl:choose>
      <xsl:when test="$day = 1">1er</xsl:when>
      <xsl:otherwise><xsl:value-of select="$day"/></xsl:otherwise>
    </xsl:choose>
    <!-- A day and its month stay on one line, as on the site's pages (src/lib/french-spacing.ts). -->
    <xsl:text>&#160;</xsl:text>
    <xsl:value-of select="substring-before(substring-after($months, concat(substring($rfc822, 9, 3), ':')), ' ')"/>
    <xsl:text> </xsl:text>
    <xsl:value-of select="substring($rfc822, 13, 4)"/>
  </xsl:template>
</xsl:stylesheet>
