-- Cooperativa (cooperativa.cl), Santiago de Chile. News pages
-- (/noticias/<section>/.../<date>/<id>.html) put the headline block
-- (article#despliegue-titular: topics, headline, date and agency, the
-- "bajada" standfirst, the photo credit) apart from the text, which is
-- div#cuerpo-ad further down, between ad slots; a newsletter line closes it.
-- The generic extractor stops at the small headline <article>.
return {
  name = "Cooperativa",
  hosts = { "cooperativa.cl" },

  title = { "#despliegue-titular h1.titular", "h1.titular" },
  description = "#despliegue-titular .texto-bajada",
  -- the standfirst is the story's first paragraph on this site
  body = "#despliegue-titular .texto-bajada, #cuerpo-ad",
  remove = {
    ".contenedor-credito", ".coop_blockSlot", ".rotulo-newsletter", "#cuerpo-ad .cuerpo-ad-relacionados",
    ".contenedor-rotulo-topicos",
  },

  tests = {
    {
      page = "cooperativa.cl.html",
      url = "https://www.cooperativa.cl/noticias/pais/transportes/nuevo-tramo-de-metro-abre-en-puente-alto/2023-06-11/101500.html",
      title = "Nuevo tramo de Metro abre este domingo en Puente Alto",
      text_starts = "El servicio funcionará desde las 6:00 horas",
      text_contains = { "El nuevo tramo tiene cuatro estaciones", "según informó la empresa." },
      text_excludes = { "Foto: Agencia", "Suscríbete a nuestro newsletter", "Lo más leído" },
    },
  },
}
