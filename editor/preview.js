// Preview templates of the editor (/quan-tri/): an article drawn with the
// portal's own stylesheet (portal.css, copied from style/) and the markup
// of src/pages/article.rs and components/article_body.rs, so that an editor
// sees the article as a reader will; the schedule week as the portal's table.
// No build step: Decap exposes React's createElement as `h` and `createClass`.
(function () {
  'use strict';
  var CMS = window.CMS;
  var h = window.h;
  var createClass = window.createClass;
  if (!CMS || !h || !createClass) return;

  // Resolved here, since the preview is an iframe without an address of its own.
  CMS.registerPreviewStyle(new URL('portal.css', document.baseURI).href);
  CMS.registerPreviewStyle(new URL('preview.css', document.baseURI).href);

  function text(value) {
    return value === undefined || value === null ? '' : String(value);
  }

  // "Ngày đăng: 19-10-2023", in Vietnam time (UTC+7, no summer time), as
  // the portal shows it whatever the editor's own zone.
  function vietnamDate(value) {
    var instant = new Date(text(value).replace(' ', 'T'));
    if (isNaN(instant.getTime())) return text(value);
    var local = new Date(instant.getTime() + 7 * 3600 * 1000);
    var two = function (n) { return (n < 10 ? '0' : '') + n; };
    return two(local.getUTCDate()) + '-' + two(local.getUTCMonth() + 1) + '-' + local.getUTCFullYear();
  }

  // The category's name and section, from what the relation widget loaded.
  function categoryOf(props) {
    var slug = text(props.entry.getIn(['data', 'category']));
    var found = { slug: slug, name: slug, section: '' };
    var meta = props.fieldsMetaData && props.fieldsMetaData.getIn(['category', 'chuyen-muc', slug]);
    if (!meta || !meta.toJS) return found;
    var data = meta.toJS();
    var list = Array.isArray(data.categories) ? data.categories : [data];
    list.forEach(function (category) {
      if (category && category.slug === slug) {
        found.name = text(category.name) || slug;
        found.section = text(category.section);
      }
    });
    return found;
  }

  // The builder turns an image alone in its paragraph into
  // <figure><img><figcaption>title</figcaption></figure>
  // (docs/formats/content-sources.md, "Captions"); the preview does the same
  // to Decap's rendered Markdown, which lives in an innerHTML of its own.
  function figures(root) {
    if (!root) return;
    var paragraphs = root.querySelectorAll('p');
    Array.prototype.forEach.call(paragraphs, function (p) {
      var only = p.children.length === 1 && p.textContent.trim() === '' ? p.firstElementChild : null;
      if (!only || only.tagName !== 'IMG') return;
      var doc = p.ownerDocument;
      var figure = doc.createElement('figure');
      var caption = only.getAttribute('title');
      only.removeAttribute('title');
      figure.appendChild(only);
      if (caption) {
        var figcaption = doc.createElement('figcaption');
        figcaption.textContent = caption;
        figure.appendChild(figcaption);
      }
      p.parentNode.replaceChild(figure, p);
    });
  }

  var ArticlePreview = createClass({
    componentDidMount: function () {
      var body = this.body;
      figures(body);
      // Decap redraws the body's HTML as the editor types.
      var observer = new (body.ownerDocument.defaultView.MutationObserver)(function () { figures(body); });
      observer.observe(body, { childList: true, subtree: true });
      this.observer = observer;
    },
    componentWillUnmount: function () {
      if (this.observer) this.observer.disconnect();
    },
    render: function () {
      var self = this;
      var data = this.props.entry.get('data');
      var category = categoryOf(this.props);
      var image = data.get('image');
      var lead = text(data.get('summary'));
      var author = text(data.get('author'));
      var breadcrumb = h('nav', { className: 'breadcrumb', 'aria-label': 'Vị trí' },
        category.section ? h('span', null, category.section) : null,
        category.section ? ': ' : null,
        h('a', { href: '#' }, category.name));
      return h('div', { className: 'layout' },
        h('main', { className: 'layout-main' },
          h('article', { className: 'article' },
            category.slug ? breadcrumb : null,
            h('p', { className: 'article-date' }, 'Ngày đăng: ', vietnamDate(data.get('date'))),
            h('h1', { className: 'article-title' }, text(data.get('title'))),
            lead ? h('p', { className: 'article-lead' }, lead) : null,
            h('div', { className: 'article-body', ref: function (el) { self.body = el; } },
              this.props.widgetFor('body')),
            author ? h('p', { className: 'article-source' }, author) : null),
          image ? h('aside', { className: 'preview-note' },
            h('p', null, 'Ảnh đại diện (hiện trong danh sách tin và khi chia sẻ):'),
            h('img', { src: text(this.props.getAsset(image)), alt: '', className: 'preview-lead-image' })) : null));
    }
  });

  var PARTS = ['sáng', 'chiều', 'tối'];
  var DAYS = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];

  function dayHeading(date) {
    var parts = text(date).split('-');
    var day = new Date(Date.UTC(+parts[0], +parts[1] - 1, +parts[2]));
    if (isNaN(day.getTime())) return text(date);
    return DAYS[day.getUTCDay()] + ', ' + parts[2] + '/' + parts[1] + '/' + parts[0];
  }

  // The week as the portal's table (src/components/schedule_table.rs):
  // by day, then part of day, then start time.
  var WeekPreview = createClass({
    render: function () {
      var data = this.props.entry.get('data');
      var entries = (data.get('entries') && data.get('entries').toJS()) || [];
      entries.sort(function (a, b) {
        return text(a.date).localeCompare(text(b.date)) ||
          PARTS.indexOf(a.part) - PARTS.indexOf(b.part) ||
          text(a.start || '99').localeCompare(text(b.start || '99'));
      });
      var rows = [];
      var lastDay = null;
      var lastPart = null;
      entries.forEach(function (entry, index) {
        if (entry.date !== lastDay) {
          rows.push(h('tr', { key: 'd' + index, className: 'schedule-day-heading' },
            h('th', { colSpan: 6, scope: 'rowgroup' }, dayHeading(entry.date))));
          lastDay = entry.date;
          lastPart = null;
        }
        if (entry.part !== lastPart) {
          rows.push(h('tr', { key: 'p' + index, className: 'schedule-part' },
            h('th', { colSpan: 6, scope: 'rowgroup' }, text(entry.part))));
          lastPart = entry.part;
        }
        var time = entry.start ? text(entry.start) + (entry.end ? ' – ' + text(entry.end) : '') : '';
        rows.push(h('tr', { key: 'e' + index, className: 'schedule-entry' },
          h('td', { className: 'schedule-time', 'data-label': 'Thời gian' }, time),
          h('td', { className: 'schedule-content', 'data-label': 'Nội dung' }, text(entry.content)),
          h('td', { 'data-label': 'Chủ trì' }, text(entry.chair)),
          h('td', { 'data-label': 'Thành phần' }, text(entry.attendees)),
          h('td', { 'data-label': 'Địa điểm' }, text(entry.location)),
          h('td', { 'data-label': 'Ghi chú' }, text(entry.notes))));
      });
      var note = text(data.get('note'));
      return h('div', { className: 'layout' },
        h('main', { className: 'layout-main' },
          h('h1', { className: 'page-heading' }, 'Lịch công tác tuần ', text(data.get('week'))),
          note ? h('p', { className: 'schedule-note' }, note) : null,
          h('table', { className: 'schedule-table' },
            h('thead', null, h('tr', null,
              h('th', { scope: 'col', className: 'schedule-col-time' }, 'Thời gian'),
              h('th', { scope: 'col', className: 'schedule-col-content' }, 'Nội dung'),
              h('th', { scope: 'col' }, 'Chủ trì'),
              h('th', { scope: 'col' }, 'Thành phần'),
              h('th', { scope: 'col' }, 'Địa điểm'),
              h('th', { scope: 'col' }, 'Ghi chú'))),
            h('tbody', { className: 'schedule-day' }, rows))));
    }
  });

  CMS.registerPreviewTemplate('tin', ArticlePreview);
  CMS.registerPreviewTemplate('lich-cong-tac', WeekPreview);
})();
